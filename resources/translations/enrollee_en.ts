<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>ActionPolicy</name>
    <message numerus="yes">
        <location filename="../../app/core/action/ActionPolicy.cpp" line="+61"/>
        <source>The reason &quot;%1&quot; is too short: the rule in the settings asks for at least %n character(s).</source>
        <translation>
            <numerusform>The reason &quot;%1&quot; is too short: the rule in the settings asks for at least %n character.</numerusform>
            <numerusform>The reason &quot;%1&quot; is too short: the rule in the settings asks for at least %n characters.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ApprovalDecisionDialog</name>
    <message numerus="yes">
        <location filename="../../ui/team/ApprovalDecisionDialog.cpp" line="+68"/>
        <source>%1 (%n row(s))</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ApprovalsCommand</name>
    <message numerus="yes">
        <location filename="../../app/cli/ApprovalsCommand.cpp" line="+93"/>
        <source>bulk run %1 (%n row(s))</source>
        <translation>
            <numerusform>bulk run %1 (%n row)</numerusform>
            <numerusform>bulk run %1 (%n rows)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ApprovalsModel</name>
    <message numerus="yes">
        <location filename="../../ui/team/ApprovalsModel.cpp" line="+73"/>
        <source>bulk run %1 (%n row(s))</source>
        <translation>
            <numerusform>bulk run %1 (%n row)</numerusform>
            <numerusform>bulk run %1 (%n rows)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BulkApprovalGate</name>
    <message numerus="yes">
        <location filename="../../app/core/approvals/BulkApprovalGate.cpp" line="+80"/>
        <source>Run %1 (%n row(s)) is recorded as request #%2, awaiting approval (enrollee-cli approvals approve %2); once approved, send it with enrollee-cli approvals run %2. Nothing was sent.</source>
        <translation>
            <numerusform>Run %1 (%n row) is recorded as request #%2, awaiting approval (enrollee-cli approvals approve %2); once approved, send it with enrollee-cli approvals run %2. Nothing was sent.</numerusform>
            <numerusform>Run %1 (%n rows) is recorded as request #%2, awaiting approval (enrollee-cli approvals approve %2); once approved, send it with enrollee-cli approvals run %2. Nothing was sent.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BulkBrakes</name>
    <message numerus="yes">
        <location filename="../../app/core/bulk/BulkBrakes.cpp" line="+42"/>
        <source>%n rows in a row were refused with %1 (%2); the rest would fail the same way.</source>
        <translation type="unfinished">
            <numerusform>%n row in a row was refused with %1 (%2); the rest would fail the same way.</numerusform>
            <numerusform>%n rows in a row were refused with %1 (%2); the rest would fail the same way.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BulkLauncher</name>
    <message numerus="yes">
        <location filename="../../ui/bulk/BulkLauncher.cpp" line="+35"/>
        <source>%1 %n user(s) in %2, profile &quot;%3&quot; (%4): %5.</source>
        <translation>
            <numerusform>%1 %n user in %2, profile &quot;%3&quot; (%4): %5.</numerusform>
            <numerusform>%1 %n users in %2, profile &quot;%3&quot; (%4): %5.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>The first %n row(s) go first; the run then waits for you to check them.</source>
        <translation>
            <numerusform>The first row goes first; the run then waits for you to check it.</numerusform>
            <numerusform>The first %n rows go first; the run then waits for you to check them.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BulkPanel</name>
    <message numerus="yes">
        <location filename="../../ui/bulk/BulkPanel.cpp" line="+186"/>
        <source>No row not yet sent (%n) will be sent, and the run cannot be resumed; the rows in flight are answered first. Failed rows can still be retried.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+69"/>
        <source>%n row(s) checked: </source>
        <translation>
            <numerusform>%n row checked: </numerusform>
            <numerusform>%n rows checked: </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+0"/>
        <source>%n to send</source>
        <translation>
            <numerusform>%n to send</numerusform>
            <numerusform>%n to send</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n will not be sent</source>
        <translation>
            <numerusform>%n will not be sent</numerusform>
            <numerusform>%n will not be sent</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+77"/>
        <source>resuming run %1, %n row(s) left to send (rows already sent are not sent again)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BulkPlan</name>
    <message numerus="yes">
        <location filename="../../app/core/bulk/BulkPlan.cpp" line="+185"/>
        <source>%n of these were already %1 by this console (history).</source>
        <translation>
            <numerusform>%n of these was already %1 by this console (history).</numerusform>
            <numerusform>%n of these were already %1 by this console (history).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BulkProgressView</name>
    <message numerus="yes">
        <location filename="../../ui/bulk/BulkProgressView.cpp" line="+168"/>
        <source>Cancelling: waiting for the answers to %n row(s) in flight; no new row is sent.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+53"/>
        <source>%n s</source>
        <translation>
            <numerusform>%n s</numerusform>
            <numerusform>%n s</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BulkReport</name>
    <message numerus="yes">
        <location filename="../../app/cli/BulkReport.cpp" line="+75"/>
        <source>%n rows</source>
        <translation>
            <numerusform>%n row</numerusform>
            <numerusform>%n rows</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+42"/>
        <source>%n rows: </source>
        <translation>
            <numerusform>%n row: </numerusform>
            <numerusform>%n rows: </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+31"/>
        <source>... and %n more; see the results file.</source>
        <translation>
            <numerusform>... and %n more; see the results file.</numerusform>
            <numerusform>... and %n more; see the results file.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BulkResultsView</name>
    <message numerus="yes">
        <location filename="../../ui/bulk/BulkResultsView.cpp" line="+100"/>
        <source>Checked input: %n row(s), nothing sent.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BulkRunList</name>
    <message numerus="yes">
        <location filename="../../ui/bulk/BulkRunList.cpp" line="+74"/>
        <source>%1 — %2, %n row(s), %3, started %4</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BulkSession</name>
    <message numerus="yes">
        <location filename="../../app/cli/BulkSession.cpp" line="+51"/>
        <source>--confirm-count %1 does not match the %n valid rows.</source>
        <translation>
            <numerusform>--confirm-count %1 does not match the %n valid row.</numerusform>
            <numerusform>--confirm-count %1 does not match the %n valid rows.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+15"/>
        <source>%1 of %n users needs a confirmation and standard input is not a terminal: add --yes or --confirm-count %n.</source>
        <translation>
            <numerusform>%1 of %n user needs a confirmation and standard input is not a terminal: add --yes or --confirm-count %n.</numerusform>
            <numerusform>%1 of %n users needs a confirmation and standard input is not a terminal: add --yes or --confirm-count %n.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>%1 %n users in %2 (profile %3, %4)? Type the number of rows (%n) to confirm: </source>
        <translation>
            <numerusform>%1 %n user in %2 (profile %3, %4)? Type the number of rows (%n) to confirm: </numerusform>
            <numerusform>%1 %n users in %2 (profile %3, %4)? Type the number of rows (%n) to confirm: </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+101"/>
        <source>run %1: %2 of %n rows to send (%3, profile %4); results in %5</source>
        <translation>
            <numerusform>run %1: %2 of %n row to send (%3, profile %4); results in %5</numerusform>
            <numerusform>run %1: %2 of %n rows to send (%3, profile %4); results in %5</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+21"/>
        <source>Stopped with %n rows in flight; they are unknown now.</source>
        <translation>
            <numerusform>Stopped with %n row in flight; it is unknown now.</numerusform>
            <numerusform>Stopped with %n rows in flight; they are unknown now.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>pausing: waiting for %n rows in flight (again to stop at once).</source>
        <translation>
            <numerusform>pausing: waiting for %n row in flight (again to stop at once).</numerusform>
            <numerusform>pausing: waiting for %n rows in flight (again to stop at once).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+30"/>
        <source>Go on with the other %n rows? Type &quot;yes&quot;: </source>
        <translation>
            <numerusform>Go on with the other %n row? Type &quot;yes&quot;: </numerusform>
            <numerusform>Go on with the other %n rows? Type &quot;yes&quot;: </numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BulkTab</name>
    <message numerus="yes">
        <location filename="../../ui/bulk/BulkTab.cpp" line="+80"/>
        <source>Bulk run %1 is paused while you decide (%n row(s) to go). Closing keeps it paused: it can be resumed from the Bulk tab or with &quot;enrollee-cli bulk resume %1&quot;, and no row already sent is sent again. Keeping the window resumes it.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HistoryCheck</name>
    <message numerus="yes">
        <location filename="../../ui/history/HistoryCheck.cpp" line="+93"/>
        <source>History intact: %n entries checked. Without a key, an edit that also rewrote the chain would not be detected.</source>
        <translation type="unfinished">
            <numerusform>History intact: %n entry checked. Without a key, an edit that also rewrote the chain would not be detected.</numerusform>
            <numerusform>History intact: %n entries checked. Without a key, an edit that also rewrote the chain would not be detected.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>History intact: %n entries checked, none changed.</source>
        <translation type="unfinished">
            <numerusform>History intact: %n entry checked, none changed.</numerusform>
            <numerusform>History intact: %n entries checked, none changed.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>History intact: %n entries checked, none changed. With no keychain its key is kept beside the history, so this check catches accidents, not someone who set out to forge it.</source>
        <translation type="unfinished">
            <numerusform>History intact: %n entry checked, not changed. With no keychain its key is kept beside the history, so this check catches accidents, not someone who set out to forge it.</numerusform>
            <numerusform>History intact: %n entries checked, none changed. With no keychain its key is kept beside the history, so this check catches accidents, not someone who set out to forge it.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HistoryCommand</name>
    <message numerus="yes">
        <location filename="../../app/cli/HistoryCommand.cpp" line="+232"/>
        <source>History intact: %n record(s) checked, chained with the key from %1.</source>
        <translation>
            <numerusform>History intact: %n record checked, chained with the key from %1.</numerusform>
            <numerusform>History intact: %n records checked, chained with the key from %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+69"/>
        <source>%n more break(s):</source>
        <translation>
            <numerusform>%n more break:</numerusform>
            <numerusform>%n more breaks:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+42"/>
        <source>Keeping %n month(s) removes everything before %1:</source>
        <translation>
            <numerusform>Keeping %n month removes everything before %1:</numerusform>
            <numerusform>Keeping %n months removes everything before %1:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%1: %n entry(ies)</source>
        <translation>
            <numerusform>%1: %n entry</numerusform>
            <numerusform>%1: %n entries</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HistoryCountLine</name>
    <message numerus="yes">
        <location filename="../../ui/history/HistoryCountLine.cpp" line="+53"/>
        <source>Showing %1 of %n entries</source>
        <translation type="unfinished">
            <numerusform>Showing %1 of %n entry</numerusform>
            <numerusform>Showing %1 of %n entries</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HistoryExportFlow</name>
    <message numerus="yes">
        <location filename="../../ui/history/HistoryExportFlow.cpp" line="+61"/>
        <source>%n selected entries</source>
        <translation>
            <numerusform>%n selected entry</numerusform>
            <numerusform>%n selected entries</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+38"/>
        <source>Exporting %n entries…</source>
        <translation>
            <numerusform>Exporting %n entry…</numerusform>
            <numerusform>Exporting %n entries…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HistoryExportNotice</name>
    <message numerus="yes">
        <location filename="../../ui/history/HistoryExportNotice.cpp" line="+107"/>
        <source>Exported %n entries to %1.</source>
        <translation>
            <numerusform>Exported %n entry to %1.</numerusform>
            <numerusform>Exported %n entries to %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HistoryStore</name>
    <message numerus="yes">
        <location filename="../../app/core/history/ChainWalk.cpp" line="+146"/>
        <source>The newest %n record(s) were removed (#%1 to #%2): the anchor %3 says record #%2 was written.</source>
        <translation>
            <numerusform>The newest record was removed (#%1 to #%2): the anchor %3 says record #%2 was written.</numerusform>
            <numerusform>The newest %n records were removed (#%1 to #%2): the anchor %3 says record #%2 was written.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LookupPanel</name>
    <message numerus="yes">
        <location filename="../../ui/lookup/LookupPanel.cpp" line="+235"/>
        <source>This is %n user IDs, one a line. This field acts on one user; the Bulk tab acts on a list.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+80"/>
        <source>
(and %n more)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TeamCommand</name>
    <message numerus="yes">
        <location filename="../../app/cli/TeamCommand.cpp" line="+192"/>
        <source>%n record(s) of this console waiting to be sent.</source>
        <translation>
            <numerusform>%n record of this console waiting to be sent.</numerusform>
            <numerusform>%n records of this console waiting to be sent.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+88"/>
        <source>%1: a bulk run of more than %n row(s) needs a second officer&apos;s approval as a whole.</source>
        <translation>
            <numerusform>%1: a bulk run of more than %n row needs a second officer&apos;s approval as a whole.</numerusform>
            <numerusform>%1: a bulk run of more than %n rows needs a second officer&apos;s approval as a whole.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TeamController</name>
    <message numerus="yes">
        <location filename="../../ui/team/TeamController.cpp" line="+44"/>
        <source>Approvals (%n)</source>
        <translation>
            <numerusform>Approvals (%n)</numerusform>
            <numerusform>Approvals (%n)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TeamFourEyes</name>
    <message numerus="yes">
        <location filename="../../app/team/TeamFourEyes.cpp" line="+135"/>
        <source>A bulk run of more than %n row(s) in %1 needs a second officer&apos;s approval under the team&apos;s policy.</source>
        <translation>
            <numerusform>A bulk run of more than %n row in %1 needs a second officer&apos;s approval under the team&apos;s policy.</numerusform>
            <numerusform>A bulk run of more than %n rows in %1 needs a second officer&apos;s approval under the team&apos;s policy.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TeamStatusBar</name>
    <message numerus="yes">
        <location filename="../../ui/team/TeamStatusBar.cpp" line="+39"/>
        <source>Team trail refuses %n record(s) of this console: %1</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+8"/>
        <source>Team trail is behind: %n record(s) waiting to be sent (database unreachable since %1)</source>
        <translation>
            <numerusform>Team trail is behind: %n record waiting to be sent (database unreachable since %1)</numerusform>
            <numerusform>Team trail is behind: %n records waiting to be sent (database unreachable since %1)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>Team trail is behind: %n record(s) waiting to be sent</source>
        <translation>
            <numerusform>Team trail is behind: %n record waiting to be sent</numerusform>
            <numerusform>Team trail is behind: %n records waiting to be sent</numerusform>
        </translation>
    </message>
</context>
</TS>
