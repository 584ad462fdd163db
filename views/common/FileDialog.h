#pragma once

#include <QString>

class QWidget;

namespace boxoffice {

// The system's "save as" dialog, with a test hook as MessageBox has one: a test
// gives the answer and no dialog is shown.
class FileDialog
{
public:
    // The path the person chose to save to, or empty when they cancelled.
    static QString saveFileName(QWidget* parent, const QString& caption, const QString& suggested,
                                const QString& filter);
    // The next saveFileName() answers `path` at once (empty: cancelled).
    static void setNextSaveName(const QString& path);

private:
    static bool s_hooked;
    static QString s_next;
};

} // namespace boxoffice
