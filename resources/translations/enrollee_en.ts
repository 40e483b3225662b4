<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>HistoryCommand</name>
    <message numerus="yes">
        <location filename="../../app/cli/HistoryCommand.cpp" line="+128"/>
        <source>History intact: %n record(s) checked, chained with the key from %1.</source>
        <translation>
            <numerusform>History intact: %n record checked, chained with the key from %1.</numerusform>
            <numerusform>History intact: %n records checked, chained with the key from %1.</numerusform>
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
