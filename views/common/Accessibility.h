#pragma once

#include <QWidget>

namespace boxoffice {

// Names a control for assistive technology, and says what it does (both translated).
inline void describe(QWidget* w, const QString& name, const QString& description)
{
    w->setAccessibleName(name);
    w->setAccessibleDescription(description);
}

} // namespace boxoffice
