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
</TS>
