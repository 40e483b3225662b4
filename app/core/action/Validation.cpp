#include "Validation.h"

#include <QCoreApplication>
#include <QHostAddress>
#include <QRegularExpression>

namespace {
bool hasControlCharacter(const QString &s)
{
    for (const QChar c : s) {
        const auto cat = c.category();
        if (cat == QChar::Other_Control || cat == QChar::Other_Format || c == QChar::LineSeparator
            || c == QChar::ParagraphSeparator)
            return true;
    }
    return false;
}
// U+FFFD is what a decoder leaves where bytes were not valid text: input carrying it was damaged on the
// way (a bad paste, a file in another encoding), and sending the "repaired" text would act on a
// different user ID or record a different reason than the officer meant.
bool hasReplacementCharacter(const QString &s)
{
    return s.contains(QChar(QChar::ReplacementCharacter));
}

Status invalid(const QString &message)
{
    return Status::failure(message, Status::Kind::Invalid);
}
} // namespace

namespace Validation {

QString normalizedUserId(const QString &input)
{
    return input.trimmed();
}

Status checkUserId(const QString &input)
{
    const QString id = normalizedUserId(input);
    if (id.isEmpty())
        return invalid(QCoreApplication::translate("Validation", "Enter a user ID."));
    if (hasControlCharacter(id))
        return invalid(QCoreApplication::translate(
            "Validation",
            "The user ID contains control or invisible formatting characters; retype it rather than pasting."));
    if (hasReplacementCharacter(id))
        return invalid(QCoreApplication::translate(
            "Validation", "The user ID contains U+FFFD, the mark of text that was not valid UTF-8; retype it."));
    if (id.size() > kMaxUserIdLength)
        return invalid(QCoreApplication::translate("Validation", "The user ID is %1 characters long; the limit is %2.")
                           .arg(id.size())
                           .arg(kMaxUserIdLength));
    if (id.toUtf8().size() > kMaxUserIdLength * 4)
        return invalid(QCoreApplication::translate("Validation", "The user ID is too long."));
    if (!id.isValidUtf16())
        return invalid(QCoreApplication::translate("Validation", "The user ID is not valid text."));
    return Status::success();
}

Status checkPartnerId(const QString &partnerId)
{
    if (partnerId.trimmed().isEmpty())
        return invalid(QCoreApplication::translate(
            "Validation", "A partner ID is required (it is on the Smile ID portal, e.g. 085)."));
    // Smile ID issues numeric IDs, but the signature only needs the exact string, so only reject what
    // cannot be a copied ID: spaces, control characters, absurd lengths.
    static const QRegularExpression shape(QStringLiteral("^[A-Za-z0-9_-]{1,64}$"));
    if (!shape.match(partnerId).hasMatch())
        return invalid(
            QCoreApplication::translate(
                "Validation", "The partner ID \"%1\" should be the digits shown on the Smile ID portal, e.g. 085.")
                .arg(partnerId.left(80)));
    return Status::success();
}

Status checkEmail(const QString &email)
{
    if (email.trimmed().isEmpty())
        return invalid(QCoreApplication::translate(
            "Validation", "An operator email is required: Smile ID records who made the change."));
    static const QRegularExpression shape(QStringLiteral("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$"));
    if (email.size() > 254 || hasControlCharacter(email) || hasReplacementCharacter(email)
        || !shape.match(email).hasMatch())
        return invalid(
            QCoreApplication::translate("Validation", "\"%1\" is not an email address.").arg(email.left(80)));
    return Status::success();
}

Status checkReason(const QString &reason)
{
    if (reason.size() > kMaxReasonLength)
        return invalid(QCoreApplication::translate("Validation", "The reason is %1 characters long; the limit is %2.")
                           .arg(reason.size())
                           .arg(kMaxReasonLength));
    for (const QChar c : reason) {
        if ((c.category() == QChar::Other_Control && c != QLatin1Char('\n') && c != QLatin1Char('\t')))
            return invalid(QCoreApplication::translate("Validation", "The reason contains control characters."));
    }
    if (hasReplacementCharacter(reason))
        return invalid(QCoreApplication::translate(
            "Validation", "The reason contains U+FFFD, the mark of text that was not valid UTF-8; retype it."));
    return {};
}

bool isLoopbackHost(const QString &host)
{
    if (host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0)
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

QUrl parseBaseUrl(const QString &text)
{
    if (!checkBaseUrl(text).ok())
        return {};
    QUrl url(text.trimmed(), QUrl::StrictMode);
    url.setPath({});
    return url;
}

Status checkBaseUrl(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return invalid(QCoreApplication::translate("Validation", "The base URL is empty."));
    const QUrl url(trimmed, QUrl::StrictMode);
    if (!url.isValid() || url.host().isEmpty())
        return invalid(QCoreApplication::translate(
                           "Validation", "\"%1\" is not a URL; use an origin such as https://portal.smileidentity.com.")
                           .arg(trimmed.left(200)));
    const QString scheme = url.scheme().toLower();
    if (scheme != QLatin1String("https") && scheme != QLatin1String("http"))
        return invalid(QCoreApplication::translate(
            "Validation", "The base URL must start with https:// (or http:// for a sandbox on this computer)."));
    if (!url.userInfo().isEmpty())
        return invalid(
            QCoreApplication::translate("Validation", "The base URL must not contain a user name or password."));
    if ((!url.path().isEmpty() && url.path() != QLatin1String("/")) || url.hasQuery() || url.hasFragment())
        return invalid(
            QCoreApplication::translate(
                "Validation", "The base URL is an origin only (scheme, host and port); the path %1 is added for you.")
                .arg(QLatin1String("/api/v2/partner/enrollee")));
    if (scheme == QLatin1String("http") && !isLoopbackHost(url.host()))
        return invalid(
            QCoreApplication::translate(
                "Validation",
                "Plain HTTP is only allowed to this computer (127.0.0.1, ::1, localhost); use https:// for %1.")
                .arg(url.host()));
    return {};
}

} // namespace Validation
