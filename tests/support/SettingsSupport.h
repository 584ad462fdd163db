#pragma once

// For the tests of what the window keeps: QSettings in a folder of the test's own, under the
// names app/ sets, so that a test never reads or writes the settings of whoever runs it.

#include <QCoreApplication>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>

namespace boxoffice::test {

// A temporary folder that holds every QSettings file of the test (made before any QSettings
// is, in initTestCase: QSettings reads the folder once). settingsFile() is the one the
// program's own QSettings writes.
class TemporarySettings
{
public:
    TemporarySettings()
    {
        if (!m_dir.isValid())
            qFatal("no temporary folder for the settings");
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("BoxOffice"));
        QCoreApplication::setApplicationName(QStringLiteral("boxoffice"));
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_dir.path());
    }
    QString path(const QString& name) const { return m_dir.filePath(name); }
    QString settingsFile() const { return path(QStringLiteral("BoxOffice/boxoffice.conf")); }

private:
    QTemporaryDir m_dir;
};

} // namespace boxoffice::test
