#include "TeamStateFiles.h"

#include <QCryptographicHash>
#include <QDir>
#include <QStringList>

namespace TeamStateFiles {

QString place(const QString &conninfo)
{
    QStringList kept;
    const QStringList words = conninfo.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    for (const QString &word : words) {
        if (word.startsWith(QLatin1String("host=")) || word.startsWith(QLatin1String("hostaddr="))
            || word.startsWith(QLatin1String("port=")) || word.startsWith(QLatin1String("dbname=")))
            kept.append(word);
    }
    return kept.join(QLatin1Char(' '));
}

QString checkpoint(const QString &stateDir, const QString &conninfo)
{
    const QByteArray tag = QCryptographicHash::hash(place(conninfo).toUtf8(), QCryptographicHash::Sha256).toHex();
    return QDir(stateDir).filePath(QStringLiteral("team-%1.checkpoint").arg(QString::fromLatin1(tag.left(12))));
}

QString mark(const QString &checkpoint)
{
    return QString(checkpoint).replace(QStringLiteral(".checkpoint"), QStringLiteral(".sent"));
}

QString policy(const QString &checkpoint)
{
    return QString(checkpoint).replace(QStringLiteral(".checkpoint"), QStringLiteral(".policy"));
}

} // namespace TeamStateFiles
