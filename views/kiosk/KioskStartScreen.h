#pragma once

#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;

namespace boxoffice {

class SaleSession;

// The kiosk's first screen: a stranger types their member number and the last four digits of
// their phone; only a matching pair starts a sale (a number alone shows nobody's wallet).
class KioskStartScreen : public QWidget
{
    Q_OBJECT

public:
    explicit KioskStartScreen(SaleSession& session, QWidget* parent = nullptr);

    // Empty fields, no message, focus on the member number.
    void clear();
    QString errorShown() const;

Q_SIGNALS:
    void started();

private:
    void start();
    void showError(const QString& text);

    SaleSession& m_session;
    QLineEdit* m_member;
    QLineEdit* m_phone;
    QPushButton* m_start;
    QLabel* m_error;
};

} // namespace boxoffice
