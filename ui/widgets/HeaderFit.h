#pragma once

#include <QAbstractItemView>
#include <QHeaderView>

// Widens each column of `view` that is narrower than its header's text, so that no header is cut off in
// a language with longer words ("Identifiant utilisateur"); wider columns keep their width. Call once
// the model is set and the columns have their own widths.
namespace HeaderFit {

inline void fit(QAbstractItemView *view, QHeaderView *header)
{
    const QAbstractItemModel *model = view->model();
    if (!model)
        return;
    // Room for the sort indicator and the section's margins.
    constexpr int kMargin = 32;
    for (int c = 0; c < header->count(); ++c) {
        const int needed = header->fontMetrics().horizontalAdvance(model->headerData(c, Qt::Horizontal).toString())
            + kMargin;
        if (header->sectionSize(c) < needed && header->sectionResizeMode(c) != QHeaderView::Stretch)
            header->resizeSection(c, needed);
    }
}

} // namespace HeaderFit
