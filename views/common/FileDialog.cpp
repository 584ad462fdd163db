#include "common/FileDialog.h"

#include <QFileDialog>

namespace boxoffice {

bool FileDialog::s_hooked = false;
QString FileDialog::s_next;

QString FileDialog::saveFileName(QWidget* parent, const QString& caption, const QString& suggested,
                                 const QString& filter)
{
    if (std::exchange(s_hooked, false))
        return std::exchange(s_next, QString());
    return QFileDialog::getSaveFileName(parent, caption, suggested, filter);
}

void FileDialog::setNextSaveName(const QString& path)
{
    s_hooked = true;
    s_next = path;
}

} // namespace boxoffice
