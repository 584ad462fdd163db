#pragma once

#include <QSplitter>

namespace boxoffice {

// Makes a splitter's columns keep the widths they were given: their contents' size hints no
// longer push them, so choosing a concert or a date never moves a column. Texts in them wrap or
// elide instead.
inline void keepColumnWidths(QSplitter* split)
{
    for (int i = 0; i < split->count(); ++i) {
        QWidget* column = split->widget(i);
        QSizePolicy policy = column->sizePolicy();
        policy.setHorizontalPolicy(QSizePolicy::Ignored);
        column->setSizePolicy(policy);
    }
}

} // namespace boxoffice
