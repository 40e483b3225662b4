#pragma once

#include "history/TeamStatus.h"

#include <QDateTime>
#include <QLabel>

struct ChainReport;

// The window's one line about the team trail: connected as which role, or behind by how
// many records and since when the database has been unreachable, or — in red — what the last check
// of the team trail found. Plain words; the technical detail is in the tooltip.
class TeamStatusBar : public QLabel
{
    Q_OBJECT
public:
    explicit TeamStatusBar(QWidget *parent = nullptr);

    void setStatus(const TeamStatus &status);
    // The last check of the trail against this console's checkpoint (history --verify).
    void setIntegrity(const ChainReport &report);
    bool integrityFailed() const { return !m_integrityProblem.isEmpty(); }

private:
    void refresh();

    TeamStatus m_status;
    bool m_haveStatus = false;
    QDateTime m_unreachableSince;
    QString m_integrityProblem;
};
