// SPDX-License-Identifier: GPL-3.0-or-later
#include "AppTheme.h"
#include "ComparisonRun.h"
#include "HeadlessReport.h"
#include "MainWindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QEventLoop>
#include <QStyleFactory>
#include <QTimer>

int main(int argc, char** argv) {
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Boundary Inspector"));
    QApplication::setOrganizationName(QStringLiteral("boundary-inspector"));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Inspect JS/wasm boundary overhead and listener cascades."));
    parser.addHelpOption();
    QCommandLineOption report(QStringLiteral("report"), QStringLiteral("Write a headless report into DIR."),
                              QStringLiteral("DIR"));
    QCommandLineOption demo(QStringLiteral("demo"), QStringLiteral("Play the scripted demo tour."));
    QCommandLineOption dark(QStringLiteral("dark"), QStringLiteral("Start with the dark palette."));
    QCommandLineOption screenshot(QStringLiteral("screenshot"),
                                  QStringLiteral("Load, step three groups, pull two chunks, save the window to FILE, quit."),
                                  QStringLiteral("FILE"));
    parser.addOption(report);
    parser.addOption(demo);
    parser.addOption(dark);
    parser.addOption(screenshot);
    parser.addPositionalArgument(QStringLiteral("files"),
                                 QStringLiteral("Scenarios (*.json), sessions or documents (HTML, Markdown, text)."),
                                 QStringLiteral("[FILE…]"));
    parser.process(app);

    if (parser.isSet(report)) {
        return HeadlessReport::run(parser.value(report), parser.positionalArguments());
    }
    QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    MainWindow window;
    window.setDarkTheme(parser.isSet(dark));
    window.show();
    if (parser.isSet(demo)) {
        QTimer::singleShot(300, &window, &MainWindow::startDemoTour);
    } else if (parser.positionalArguments().isEmpty()) {
        window.loadDemo();
        window.loadDemoDocument();
    } else {
        for (const QString& f : parser.positionalArguments()) {
            window.openFile(f);
        }
    }
    if (parser.isSet(screenshot)) {
        // The smoke test of the real binary: whatever was loaded, step, pull, save, quit.
        const QString file = parser.value(screenshot);
        QTimer::singleShot(1500, &window, [&window, file] {
            if (window.isTracing()) { // a big scenario: wait for the traced run the Run dock shows
                QEventLoop loop;
                QObject::connect(&window, &MainWindow::traceShown, &loop, &QEventLoop::quit);
                QTimer::singleShot(60000, &loop, &QEventLoop::quit);
                loop.exec();
            }
            if (window.comparison()->isRunning()) { // both engines' timings belong in the picture
                QEventLoop loop;
                QObject::connect(window.comparison(), &ComparisonRun::finished, &loop, &QEventLoop::quit);
                QTimer::singleShot(60000, &loop, &QEventLoop::quit);
                loop.exec();
            }
            window.stepAndPullForScreenshot();
            const bool ok = window.grab().save(file);
            QApplication::exit(ok ? 0 : 3);
        });
    }
    return QApplication::exec();
}
