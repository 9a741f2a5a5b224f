// SPDX-License-Identifier: GPL-3.0-or-later
#include "HeadlessReport.h"
#include "MainWindow.h"

#include <QApplication>
#include <QCommandLineParser>

int main(int argc, char** argv) {
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Boundary Inspector"));
    QApplication::setOrganizationName(QStringLiteral("boundary-inspector"));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Inspect JS/wasm boundary overhead and listener cascades."));
    parser.addHelpOption();
    QCommandLineOption report(QStringLiteral("report"), QStringLiteral("Write a headless report into DIR."),
                              QStringLiteral("DIR"));
    parser.addOption(report);
    parser.addPositionalArgument(QStringLiteral("files"), QStringLiteral("Scenario files to open."), QStringLiteral("[FILE…]"));
    parser.process(app);

    if (parser.isSet(report)) {
        return HeadlessReport::run(parser.value(report), parser.positionalArguments());
    }
    MainWindow window;
    window.show();
    if (parser.positionalArguments().isEmpty()) {
        window.loadDemo();
    } else {
        window.openScenarioFile(parser.positionalArguments().first());
    }
    return QApplication::exec();
}
