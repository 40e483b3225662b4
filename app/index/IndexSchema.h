#pragma once

#include <QSqlDatabase>
#include <QString>

class SearchGrams;

// The tables of SqliteHistoryIndex's file: made afresh for a file of another format (the index is
// derived, so nothing is lost), or, for the format before the trigram table, given the table made
// from the rows the file already holds. Each in one transaction; an empty answer is success, any other
// says why.
class IndexSchema
{
public:
    // Bumped when the rows change shape: an index of another format is rebuilt, never read.
    static constexpr int kFormat = 5;
    // The format before the trigram table came, whose rows are still good.
    static constexpr int kFormatWithoutGrams = 4;

    static QString make(const QSqlDatabase &connection, SearchGrams &grams);
    static QString addGrams(const QSqlDatabase &connection, SearchGrams &grams);
};
