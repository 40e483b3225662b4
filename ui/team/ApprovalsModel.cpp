#include "ApprovalsModel.h"

#include "action/Action.h"
#include "settings/Profile.h"
#include "widgets/TimeText.h"

#include <QUrl>

ApprovalsModel::ApprovalsModel(QObject *parent) : QAbstractTableModel(parent)
{
}

void ApprovalsModel::setRequests(const QList<ApprovalRequest> &requests)
{
    // Read again every two seconds: an unchanged list keeps the view (scroll, selection) untouched.
    bool same = requests.size() == m_requests.size();
    for (qsizetype i = 0; same && i < requests.size(); ++i)
        same = requests.at(i).toJson() == m_requests.at(i).toJson();
    if (same)
        return;
    beginResetModel();
    m_requests = requests;
    endResetModel();
}

const ApprovalRequest *ApprovalsModel::at(int row) const
{
    return row >= 0 && row < m_requests.size() ? &m_requests.at(row) : nullptr;
}

int ApprovalsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_requests.size());
}

int ApprovalsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

namespace {
QString stateText(const QString &status)
{
    if (status == QLatin1String("pending"))
        return ApprovalsModel::tr("awaiting a second officer");
    if (status == QLatin1String("approved"))
        return ApprovalsModel::tr("approved, not sent yet");
    if (status == QLatin1String("denied"))
        return ApprovalsModel::tr("denied");
    if (status == QLatin1String("run"))
        return ApprovalsModel::tr("sent");
    return status;
}
} // namespace

QVariant ApprovalsModel::data(const QModelIndex &index, int role) const
{
    const ApprovalRequest *r = at(index.row());
    if (!r || (role != Qt::DisplayRole && role != Qt::ToolTipRole))
        return {};
    switch (index.column()) {
    case Id:
        return r->id;
    case Action: {
        // The request keeps the command-line names ("delete", "production"); the table speaks as the buttons do.
        ActionKind kind{};
        Environment env{};
        const QString action = ActionInfo::fromCliName(r->action, &kind) ? ActionInfo::displayName(kind) : r->action;
        const QString where = environmentFromName(r->environment, &env) ? environmentDisplayName(env) : r->environment;
        return where.isEmpty() ? action : tr("%1 (%2)").arg(action, where);
    }
    case UserId:
        return r->isRun() ? tr("bulk run %1 (%n row(s))", nullptr, r->rowCount).arg(r->runId) : r->userId;
    case Host: {
        const QString host = QUrl(r->host).host();
        return host.isEmpty() ? r->host : host;
    }
    case Requester:
        return r->requester;
    case Reason:
        return r->reason;
    case Expiry:
        return TimeText::display(r->expiresAt);
    case State:
        return stateText(r->status);
    default:
        return {};
    }
}

QVariant ApprovalsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Id:
        return tr("Request");
    case Action:
        return tr("Action");
    case UserId:
        return tr("User ID");
    case Host:
        return tr("Host");
    case Requester:
        return tr("Requested by");
    case Reason:
        return tr("Reason");
    case Expiry:
        return tr("Expires");
    case State:
        return tr("State");
    default:
        return {};
    }
}
