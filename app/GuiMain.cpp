#include "GuiMain.h"

#include "Launcher.h"

#include <QApplication>
#include <QMessageBox>

namespace boxoffice {

int runGui(const AppOptions& options, const Clock& clock)
{
    auto engine = openEngine(options, clock);
    if (!engine) {
        QMessageBox::critical(nullptr, QStringLiteral("Box Office"), engine.error());
        return 1;
    }
    QMessageBox::information(nullptr, QStringLiteral("Box Office"),
                             QStringLiteral("The window arrives with issue 3."));
    return 0;
}

} // namespace boxoffice
