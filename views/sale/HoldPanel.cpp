#include "sale/HoldPanel.h"

#include "Format.h"

#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace boxoffice {

HoldPanel::HoldPanel(HoldsModel& model, QWidget* parent) : QWidget(parent), m_model(model)
{
    setObjectName(QStringLiteral("holdPanel"));
    auto* outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    auto* box = new QGroupBox(tr("Held seats"), this);
    auto* layout = new QVBoxLayout(box);
    m_table = new QTableView(box);
    m_table->setObjectName(QStringLiteral("holdsTable"));
    m_table->setModel(&m_model);
    m_table->verticalHeader()->hide();
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    layout->addWidget(m_table, 1);
    m_total = new QLabel(box);
    m_total->setObjectName(QStringLiteral("holdsTotal"));
    QFont f = m_total->font();
    f.setBold(true);
    m_total->setFont(f);
    layout->addWidget(m_total);
    m_message = new QLabel(box);
    m_message->setObjectName(QStringLiteral("holdMessage"));
    m_message->setWordWrap(true);
    layout->addWidget(m_message);
    auto* buttons = new QHBoxLayout;
    m_release = new QPushButton(tr("&Release seat"), box);
    m_release->setObjectName(QStringLiteral("releaseButton"));
    m_pay = new QPushButton(tr("&Pay"), box);
    m_pay->setObjectName(QStringLiteral("payButton"));
    m_pay->setDefault(true);
    buttons->addWidget(m_release);
    buttons->addStretch();
    buttons->addWidget(m_pay);
    layout->addLayout(buttons);
    outer->addWidget(box);

    connect(m_pay, &QPushButton::clicked, this, &HoldPanel::payRequested);
    connect(m_release, &QPushButton::clicked, this, [this] {
        const QModelIndex i = m_table->currentIndex();
        if (i.isValid())
            Q_EMIT releaseRequested(i.data(HoldsModel::ReservationIdRole).toLongLong());
    });
    connect(&m_model, &QAbstractItemModel::modelReset, this, &HoldPanel::refresh);
    connect(&m_model, &QAbstractItemModel::rowsRemoved, this, &HoldPanel::refresh);
    refresh();
}

void HoldPanel::refresh()
{
    const int n = m_model.rowCount();
    m_total->setText(tr("Total: %1 (%n seat(s))", nullptr, n).arg(Format::krw(m_model.total())));
    m_pay->setEnabled(n > 0);
    m_release->setEnabled(n > 0);
}

void HoldPanel::setMessage(const QString& text, bool error)
{
    m_message->setStyleSheet(error ? QStringLiteral("color: #b00020;")
                                   : QStringLiteral("color: #0b6a0b;"));
    m_message->setText(text);
}

QString HoldPanel::message() const
{
    return m_message->text();
}

} // namespace boxoffice
