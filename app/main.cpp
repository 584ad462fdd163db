#include "CommandLine.h"
#include "GuiMain.h"
#include "Launcher.h"

#include <QApplication>
#include <QCoreApplication>
#include <QGuiApplication>
#include <QTextStream>

#include <memory>

using namespace boxoffice;

namespace {

QtMessageHandler previousHandler = nullptr;

void withoutRuntimeDirNotice(QtMsgType type, const QMessageLogContext& context,
                             const QString& message)
{
    if (message.startsWith(QLatin1String("QStandardPaths: XDG_RUNTIME_DIR not set")))
        return;
    if (previousHandler)
        previousHandler(type, context, message);
}

} // namespace

int main(int argc, char* argv[])
{
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments << QString::fromLocal8Bit(argv[i]);
    const bool headless = arguments.contains(QLatin1String("--serve")) ||
                          arguments.contains(QLatin1String("--check")) ||
                          arguments.contains(QLatin1String("--help")) ||
                          arguments.contains(QLatin1String("-h")) ||
                          arguments.contains(QLatin1String("--version")) ||
                          isTicketCommand(arguments); // a ticket command needs no window

    // An invalid command line is answered before any window system is needed (design §3:
    // one line, exit code 2), also where no display can be opened.
    if (!headless) {
        if (const auto early = parseCommandLine(arguments); !early) {
            QTextStream(stderr) << "boxoffice: " << early.error() << Qt::endl;
            return 2;
        }
    }

    std::unique_ptr<QCoreApplication> app;
    if (arguments.contains(QLatin1String("--serve"))) {
        // The staff API paints tickets into PDFs, and fonts need a QGuiApplication; a server
        // has no screen, so it gets the platform that needs none. That platform asks where the
        // session's runtime folder is, which a server started by a service manager or a test
        // often has none of: the line Qt writes about it would stand before every error line
        // of design §3, and a server keeps nothing there.
        qputenv("QT_QPA_PLATFORM", "offscreen");
        previousHandler = qInstallMessageHandler(withoutRuntimeDirNotice);
        app = std::make_unique<QGuiApplication>(argc, argv);
        qInstallMessageHandler(previousHandler);
    } else if (headless) {
        app = std::make_unique<QCoreApplication>(argc, argv);
    } else {
        app = std::make_unique<QApplication>(argc, argv);
    }
    QCoreApplication::setOrganizationName(QStringLiteral("BoxOffice"));
    QCoreApplication::setApplicationName(QStringLiteral("boxoffice"));
    QCoreApplication::setApplicationVersion(QStringLiteral(BOXOFFICE_VERSION));

    const auto options = parseCommandLine(arguments);
    if (!options) {
        QTextStream(stderr) << "boxoffice: " << options.error() << Qt::endl;
        return 2;
    }
    if (options->showHelp) {
        QTextStream(stdout) << options->helpText;
        return 0;
    }
    if (options->showVersion) {
        QTextStream(stdout) << "boxoffice " << BOXOFFICE_VERSION << Qt::endl;
        return 0;
    }
    if (const auto ticketCommand = runTicketCommand(*options))
        return *ticketCommand;
    SystemClock clock;
    if (options->check)
        return runCheck(*options, clock);
    if (options->serve)
        return runServer(*options, clock);
    return runGui(*options, clock);
}
