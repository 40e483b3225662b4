<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>ActionPolicy</name>
    <message numerus="yes">
        <location filename="../../app/core/ActionPolicy.cpp" line="+61"/>
        <source>The reason &quot;%1&quot; is too short: the rule in the settings asks for at least %n character(s).</source>
        <translation>
            <numerusform>The reason &quot;%1&quot; is too short: the rule in the settings asks for at least %n character.</numerusform>
            <numerusform>The reason &quot;%1&quot; is too short: the rule in the settings asks for at least %n characters.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HistoryCommand</name>
    <message numerus="yes">
        <location filename="../../app/cli/HistoryCommand.cpp" line="+162"/>
        <source>History intact: %n record(s) checked, chained with the key from %1.</source>
        <translation>
            <numerusform>History intact: %n record checked, chained with the key from %1.</numerusform>
            <numerusform>History intact: %n records checked, chained with the key from %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+15"/>
        <source>%n more break(s):</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+42"/>
        <source>Keeping %n month(s) removes everything before %1:</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%1: %n entry(ies)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HistoryStore</name>
    <message numerus="yes">
        <location filename="../../app/core/HistoryChain.cpp" line="+100"/>
        <source>The newest %n record(s) were removed (#%1 to #%2): the anchor outside the history folder says record #%2 was written.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HistoryExportNotice</name>
    <message numerus="yes">
        <source>Exported %n entries to %1.</source>
        <translation>
            <numerusform>Exported %n entry to %1.</numerusform>
            <numerusform>Exported %n entries to %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HistoryPanel</name>
    <message numerus="yes">
        <source>History intact: %n entries checked, none changed.</source>
        <translation>
            <numerusform>History intact: %n entry checked, none changed.</numerusform>
            <numerusform>History intact: %n entries checked, none changed.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>History intact: %n entries checked. Without a key, an edit that also rewrote the chain would not be detected.</source>
        <translation>
            <numerusform>History intact: %n entry checked. Without a key, an edit that also rewrote the chain would not be detected.</numerusform>
            <numerusform>History intact: %n entries checked. Without a key, an edit that also rewrote the chain would not be detected.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Showing %1 of %n entries</source>
        <translation>
            <numerusform>Showing %1 of %n entry</numerusform>
            <numerusform>Showing %1 of %n entries</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n selected entries</source>
        <translation>
            <numerusform>%n selected entry</numerusform>
            <numerusform>%n selected entries</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exporting %n entries…</source>
        <translation>
            <numerusform>Exporting %n entry…</numerusform>
            <numerusform>Exporting %n entries…</numerusform>
        </translation>
    </message>
</context>
</TS>
