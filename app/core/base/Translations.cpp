#include "Translations.h"

#include <QCoreApplication>
#include <QDir>
#include <QLibraryInfo>
#include <QLocale>
#include <QPointer>
#include <QTranslator>

namespace Translations {

QStringList available()
{
    QStringList codes{QStringLiteral("en")};
    const QStringList files = QDir(QStringLiteral(":/i18n")).entryList({QStringLiteral("enrollee_*.qm")});
    for (const QString &file : files) {
        const QString code = file.mid(9, file.size() - 9 - 3);
        if (!codes.contains(code))
            codes.append(code);
    }
    return codes;
}

QString install(const QString &language)
{
    const QLocale locale = language.isEmpty() ? QLocale::system() : QLocale(language);
    QLocale::setDefault(locale); // also back to the system's when an override is dropped
    // The previous language's translators go (a window rebuilt in another language must not find the old
    // words first); the new ones are owned by the application so they live exactly as long as it does.
    static QPointer<QTranslator> own;
    static QPointer<QTranslator> qt;
    for (QPointer<QTranslator> *installed : {&own, &qt}) {
        if (*installed) {
            QCoreApplication::removeTranslator(*installed);
            delete installed->data();
        }
    }
    own = new QTranslator(QCoreApplication::instance());
    // The C locale (LANG unset, LANG=C: scripts, CI, services) reads English, with English plurals
    // ("3 rows", not "3 row(s)"), which only the English translation file knows.
    const QLocale words = locale.language() == QLocale::C ? QLocale(QLocale::English) : locale;
    if (own->load(words, QStringLiteral("enrollee"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        QCoreApplication::installTranslator(own);
    else
        delete own.data();
    qt = new QTranslator(QCoreApplication::instance());
    if (qt->load(words, QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    else
        delete qt.data();
    return locale.name().left(2);
}

} // namespace Translations
