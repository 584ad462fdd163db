#pragma once

#include <QString>

class QPrinter;
class QWidget;

namespace boxoffice {

// The system's print dialog (Qt PrintSupport), with a test hook as MessageBox has one: a test
// says what the person chooses, and where the "printer" writes (a PDF file instead of paper),
// and no dialog is shown, so widget tests never block on it.
class PrintDialog
{
public:
    // Asks which printer, pages and copies (a modal dialog: the person asked to print). True
    // when they chose to print; `printer` is then set up to print to their choice.
    static bool ask(QPrinter& printer, QWidget* parent);

    // The next ask() answers at once: printed into `pdfPath`, or cancelled (an empty path).
    static void setNextAnswer(const QString& pdfPath);
    // How many times ask() was called (for tests).
    static int askedCount();

private:
    static bool s_hooked;
    static QString s_nextPdf;
    static int s_asked;
};

} // namespace boxoffice
