#pragma once

#include <QMessageBox>

namespace boxoffice {

// Message boxes with a test hook (as KeePassXC's): a test sets the next answer and no box
// is shown, so widget tests never block on a modal dialog.
class MessageBox
{
public:
    static QMessageBox::StandardButton question(QWidget* parent, const QString& title,
                                                const QString& text,
                                                QMessageBox::StandardButtons buttons,
                                                QMessageBox::StandardButton defaultButton);
    static void information(QWidget* parent, const QString& title, const QString& text);
    static void warning(QWidget* parent, const QString& title, const QString& text);

    static void setNextAnswer(QMessageBox::StandardButton answer);
    // The text of the last box asked or shown (for tests).
    static QString lastText();

private:
    static QMessageBox::StandardButton s_nextAnswer;
    static QString s_lastText;
};

} // namespace boxoffice
