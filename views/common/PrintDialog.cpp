#include "common/PrintDialog.h"

#include <QPrintDialog>
#include <QPrinter>

namespace boxoffice {

bool PrintDialog::s_hooked = false;
QString PrintDialog::s_nextPdf;
int PrintDialog::s_asked = 0;

bool PrintDialog::ask(QPrinter& printer, QWidget* parent)
{
    ++s_asked;
    if (std::exchange(s_hooked, false)) {
        const QString pdf = std::exchange(s_nextPdf, QString());
        if (pdf.isEmpty())
            return false;
        printer.setOutputFormat(QPrinter::PdfFormat);
        printer.setOutputFileName(pdf);
        return true;
    }
    QPrintDialog dialog(&printer, parent);
    return dialog.exec() == QDialog::Accepted;
}

void PrintDialog::setNextAnswer(const QString& pdfPath)
{
    s_hooked = true;
    s_nextPdf = pdfPath;
}

int PrintDialog::askedCount()
{
    return s_asked;
}

} // namespace boxoffice
