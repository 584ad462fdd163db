#pragma once

#include <QDialog>

#include <optional>

class QLabel;
class QLineEdit;
class QPushButton;

namespace boxoffice {

// Asked once when the staff window starts without --operator (design R5): who is working at
// this terminal. The name is recorded with every charge, payment, refund, reissue and check-in;
// there are no passwords in this product, so it is a name, checked only to be one.
class SignInDialog : public QDialog
{
    Q_OBJECT

public:
    explicit SignInDialog(QWidget* parent = nullptr);

    // The name as it will be recorded (after accept()).
    QString name() const { return m_name; }
    // Shows the dialog and waits (a modal start-up question, before any window); nothing when
    // the person chose to quit.
    static std::optional<QString> ask(QWidget* parent = nullptr);

    void accept() override;

private:
    QLineEdit* m_field;
    QLabel* m_error;
    QPushButton* m_ok;
    QString m_name;
};

} // namespace boxoffice
