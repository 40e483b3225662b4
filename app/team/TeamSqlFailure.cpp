#include "TeamSqlFailure.h"

#include <QCoreApplication>
#include <QSqlError>

namespace TeamSqlFailure {

Status of(const QSqlError &error)
{
    return Status::failure(QCoreApplication::translate("TeamTrail", "Could not read the team trail:") + QLatin1Char(' ')
                               + error.databaseText().trimmed() + QLatin1Char(' ') + error.driverText().trimmed(),
                           Status::Kind::Storage);
}

} // namespace TeamSqlFailure
