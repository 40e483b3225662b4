#pragma once

#include "base/Status.h"

class QSqlError;

// How a query of the team trail that failed is told: the database's words and the driver's, as a
// storage failure (the backend decides what an outage shows).
namespace TeamSqlFailure {
Status of(const QSqlError &error);
} // namespace TeamSqlFailure
