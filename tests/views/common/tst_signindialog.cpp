// SignInDialog (offscreen): who works at the terminal, asked once at start. A name is tidied
// and kept; nothing typed, or a name that is not one, is said in place and the dialog stays.

#include "support/TestSupport.h"
#include "support/WidgetSupport.h"

#include "common/SignInDialog.h"
#include "common/UiLanguage.h"

#include <QLabel>
#include <QLineEdit>
#include <QPushButton>

using namespace boxoffice;
using namespace boxoffice::test;

class TestSignInDialog : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<SignInDialog> m_dialog;
    template <typename T> T* part(const char* name) { return child<T>(m_dialog.get(), name); }
    void type(const QString& text)
    {
        auto* field = part<QLineEdit>("signInName");
        field->selectAll();
        field->del();
        field->insert(text);
    }

private Q_SLOTS:
    void initTestCase() { applyUiLanguage(QStringLiteral("en")); }
    void init()
    {
        m_dialog = std::make_unique<SignInDialog>();
        m_dialog->open();
        QVERIFY(QTest::qWaitForWindowExposed(m_dialog.get()));
    }
    void cleanup() { m_dialog.reset(); }

    void aNameSignsIn()
    {
        type(QStringLiteral("  김민지  "));
        QTest::mouseClick(part<QPushButton>("signInButton"), Qt::LeftButton);
        QCOMPARE(m_dialog->result(), int(QDialog::Accepted));
        QCOMPARE(m_dialog->name(), QStringLiteral("김민지"));
    }

    void enterSignsInToo()
    {
        type(QStringLiteral("Alex Kim"));
        QTest::keyClick(part<QLineEdit>("signInName"), Qt::Key_Return);
        QCOMPARE(m_dialog->result(), int(QDialog::Accepted));
        QCOMPARE(m_dialog->name(), QStringLiteral("Alex Kim"));
    }

    void nothingTypedIsSaid()
    {
        type(QStringLiteral("   "));
        QTest::mouseClick(part<QPushButton>("signInButton"), Qt::LeftButton);
        QVERIFY(m_dialog->isVisible());
        QVERIFY(part<QLabel>("signInError")->isVisible());
        QCOMPARE(part<QLabel>("signInError")->text(), QStringLiteral("Type a name."));
        // Typing again takes the message away.
        QTest::keyClicks(part<QLineEdit>("signInName"), QStringLiteral("a"));
        QVERIFY(!part<QLabel>("signInError")->isVisible());
    }

    void tooLongIsSaid()
    {
        type(QString(Actor::kMaxNameLength + 1, u'가'));
        QTest::mouseClick(part<QPushButton>("signInButton"), Qt::LeftButton);
        QVERIFY(m_dialog->isVisible());
        QVERIFY(
            part<QLabel>("signInError")->text().contains(QString::number(Actor::kMaxNameLength)));
    }

    void quitSignsNobodyIn()
    {
        QTest::mouseClick(part<QPushButton>("signInQuit"), Qt::LeftButton);
        QCOMPARE(m_dialog->result(), int(QDialog::Rejected));
        QVERIFY(m_dialog->name().isEmpty());
    }
};

QTEST_MAIN(TestSignInDialog)
#include "tst_signindialog.moc"
