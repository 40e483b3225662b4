#include "FaultPlan.h"

namespace {
// The words `enrollee-cli sandbox --fault` accepts; kept in one table so parsing and printing agree.
struct KindName {
    FaultPlan::Kind kind;
    const char *name;
};
constexpr KindName kKindNames[] = {
    {FaultPlan::Kind::None, "none"},
    {FaultPlan::Kind::HttpError, "http-error"},
    {FaultPlan::Kind::Html, "html"},
    {FaultPlan::Kind::Empty, "empty"},
    {FaultPlan::Kind::Truncated, "truncated"},
    {FaultPlan::Kind::Reset, "reset"},
    {FaultPlan::Kind::Hang, "hang"},
    {FaultPlan::Kind::SystemError, "system-error"},
    {FaultPlan::Kind::Drip, "drip"},
    {FaultPlan::Kind::Body, "body"},
    {FaultPlan::Kind::BrokenChunked, "broken-chunked"},
    {FaultPlan::Kind::Interim, "interim"},
};
} // namespace

bool FaultPlan::kindFromName(const QString &name, Kind *kind)
{
    const QString wanted = name.trimmed().toLower();
    for (const KindName &entry : kKindNames) {
        if (wanted == QLatin1String(entry.name)) {
            if (kind)
                *kind = entry.kind;
            return true;
        }
    }
    return false;
}

QString FaultPlan::kindName(Kind kind)
{
    for (const KindName &entry : kKindNames) {
        if (entry.kind == kind)
            return QLatin1String(entry.name);
    }
    return QStringLiteral("none");
}
