<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>Format</name>
    <message>
        <source>%1 KRW</source>
        <extracomment>An amount of Korean won; %1 is the number with thousands separators.</extracomment>
        <translation>%1 KRW</translation>
    </message>
    <message>
        <source>yyyy-MM-dd (ddd) HH:mm</source>
        <translation>yyyy-MM-dd (ddd) HH:mm</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>Box Office</source>
        <translation>Box Office</translation>
    </message>
</context>
<context>
    <name>boxoffice::HoldPanel</name>
    <message>
        <source>Held seats</source>
        <translation>Held seats</translation>
    </message>
    <message>
        <source>&amp;Release seat</source>
        <translation>&amp;Release seat</translation>
    </message>
    <message>
        <source>&amp;Pay</source>
        <translation>&amp;Pay</translation>
    </message>
    <message numerus="yes">
        <source>Total: %1 (%n seat(s))</source>
        <translation><numerusform>Total: %1 (%n seat)</numerusform><numerusform>Total: %1 (%n seats)</numerusform></translation>
    </message>
</context>
<context>
    <name>boxoffice::HoldsModel</name>
    <message>
        <source>Seat %1</source>
        <translation>Seat %1</translation>
    </message>
    <message>
        <source>Seat</source>
        <translation>Seat</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Price</translation>
    </message>
    <message>
        <source>Time left</source>
        <translation>Time left</translation>
    </message>
</context>
<context>
    <name>boxoffice::LedgerModel</name>
    <message>
        <source>Charge</source>
        <translation>Charge</translation>
    </message>
    <message>
        <source>Payment</source>
        <translation>Payment</translation>
    </message>
    <message>
        <source>Refund</source>
        <translation>Refund</translation>
    </message>
    <message>
        <source>When</source>
        <translation>When</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>Balance after</source>
        <translation>Balance after</translation>
    </message>
</context>
<context>
    <name>boxoffice::MainWindow</name>
    <message>
        <source>New customer</source>
        <translation>New customer</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Phone:</source>
        <translation>&amp;Phone:</translation>
    </message>
    <message>
        <source>Box Office — Self-service</source>
        <translation>Box Office — Self-service</translation>
    </message>
    <message>
        <source>Box Office</source>
        <translation>Box Office</translation>
    </message>
    <message>
        <source>%1 (#%2) may now choose seats for %3.</source>
        <translation>%1 (#%2) may now choose seats for %3.</translation>
    </message>
    <message numerus="yes">
        <source>%n hold(s) ran out of time; the seat(s) are free again.</source>
        <translation><numerusform>%n hold ran out of time; the seat is free again.</numerusform><numerusform>%n holds ran out of time; the seats are free again.</numerusform></translation>
    </message>
    <message>
        <source>Member &amp;number:</source>
        <translation>Member &amp;number:</translation>
    </message>
    <message>
        <source>&amp;Customer:</source>
        <translation>&amp;Customer:</translation>
    </message>
    <message>
        <source>Your member number</source>
        <translation>Your member number</translation>
    </message>
    <message>
        <source>Number, name or phone (Ctrl+F)</source>
        <translation>Number, name or phone (Ctrl+F)</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>Find</translation>
    </message>
    <message>
        <source>&amp;New customer…</source>
        <translation>&amp;New customer…</translation>
    </message>
    <message>
        <source>&amp;Wallet…</source>
        <translation>&amp;Wallet…</translation>
    </message>
    <message>
        <source>C&amp;oncerts</source>
        <translation>C&amp;oncerts</translation>
    </message>
    <message>
        <source>&amp;Dates</source>
        <translation>&amp;Dates</translation>
    </message>
    <message>
        <source>&amp;Seats (arrows move, Space holds, Ctrl +/- zooms)</source>
        <translation>&amp;Seats (arrows move, Space holds, Ctrl +/- zooms)</translation>
    </message>
    <message>
        <source>Database: %1</source>
        <translation>Database: %1</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>&amp;Customer</source>
        <translation>&amp;Customer</translation>
    </message>
    <message>
        <source>&amp;Find customer</source>
        <translation>&amp;Find customer</translation>
    </message>
    <message>
        <source>&amp;Sale</source>
        <translation>&amp;Sale</translation>
    </message>
    <message>
        <source>&amp;Join queue</source>
        <translation>&amp;Join queue</translation>
    </message>
    <message>
        <source>Go to &amp;seat map</source>
        <translation>Go to &amp;seat map</translation>
    </message>
    <message>
        <source>&amp;Pay</source>
        <translation>&amp;Pay</translation>
    </message>
    <message>
        <source>Zoom &amp;in</source>
        <translation>Zoom &amp;in</translation>
    </message>
    <message>
        <source>Zoom &amp;out</source>
        <translation>Zoom &amp;out</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>&amp;Help and about</source>
        <translation>&amp;Help and about</translation>
    </message>
    <message>
        <source>About Box Office</source>
        <translation>About Box Office</translation>
    </message>
    <message>
        <source>Box Office sells concert seats.

1. Find the customer (Ctrl+F) or add one (Ctrl+N).
2. Choose a concert and join its queue (Ctrl+J).
3. When admitted, choose a date and seats (arrows, Space).
4. Charge the wallet if needed (Ctrl+B) and pay (Ctrl+P).

Database: %1</source>
        <translation>Box Office sells concert seats.

1. Find the customer (Ctrl+F) or add one (Ctrl+N).
2. Choose a concert and join its queue (Ctrl+J).
3. When admitted, choose a date and seats (arrows, Space).
4. Charge the wallet if needed (Ctrl+B) and pay (Ctrl+P).

Database: %1</translation>
    </message>
    <message>
        <source>No member with number "%1".</source>
        <translation>No member with number "%1".</translation>
    </message>
    <message>
        <source>No customer matches "%1".</source>
        <translation>No customer matches "%1".</translation>
    </message>
    <message numerus="yes">
        <source>%n customer(s) match; pick one from the list.</source>
        <translation><numerusform>%n customer matches.</numerusform><numerusform>%n customers match; pick one from the list.</numerusform></translation>
    </message>
    <message>
        <source>No customer selected</source>
        <translation>No customer selected</translation>
    </message>
    <message>
        <source>%1 (#%2) · %3 · balance %4</source>
        <translation>%1 (#%2) · %3 · balance %4</translation>
    </message>
    <message>
        <source>Added %1 as member #%2.</source>
        <translation>Added %1 as member #%2.</translation>
    </message>
    <message>
        <source>Find or add a customer first.</source>
        <translation>Find or add a customer first.</translation>
    </message>
    <message>
        <source>Choose a customer and a concert first.</source>
        <translation>Choose a customer and a concert first.</translation>
    </message>
    <message>
        <source>%1 is number %2 in the queue.</source>
        <translation>%1 is number %2 in the queue.</translation>
    </message>
    <message>
        <source>Enter your member number to start.</source>
        <translation>Enter your member number to start.</translation>
    </message>
    <message>
        <source>Find or add a customer to choose seats.</source>
        <translation>Find or add a customer to choose seats.</translation>
    </message>
    <message>
        <source>Choose a concert.</source>
        <translation>Choose a concert.</translation>
    </message>
    <message>
        <source>Join the queue to choose seats (Ctrl+J).</source>
        <translation>Join the queue to choose seats (Ctrl+J).</translation>
    </message>
    <message>
        <source>Paid. Join the queue again to buy more seats.</source>
        <translation>Paid. Join the queue again to buy more seats.</translation>
    </message>
    <message>
        <source>The queue token expired. Join the queue again.</source>
        <translation>The queue token expired. Join the queue again.</translation>
    </message>
    <message>
        <source>Waiting in the queue: number %1. Seats open when admitted.</source>
        <translation>Waiting in the queue: number %1. Seats open when admitted.</translation>
    </message>
    <message>
        <source>Choose a date.</source>
        <translation>Choose a date.</translation>
    </message>
    <message>
        <source>Seat %1 held until %2.</source>
        <translation>Seat %1 held until %2.</translation>
    </message>
    <message>
        <source>Seat released.</source>
        <translation>Seat released.</translation>
    </message>
    <message>
        <source>Hold at least one seat first.</source>
        <translation>Hold at least one seat first.</translation>
    </message>
    <message>
        <source>Insufficient balance</source>
        <translation>Insufficient balance</translation>
    </message>
    <message>
        <source>The balance is %1 short. Charge the wallet now?</source>
        <translation>The balance is %1 short. Charge the wallet now?</translation>
    </message>
    <message>
        <source>Paid %1. Payment number %2.</source>
        <translation>Paid %1. Payment number %2.</translation>
    </message>
    <message numerus="yes">
        <source>Payment %1 complete: %n seat(s) sold.</source>
        <translation><numerusform>Payment %1 complete: %n seat sold.</numerusform><numerusform>Payment %1 complete: %n seats sold.</numerusform></translation>
    </message>
    <message>
        <source>%L1 of %L2 seats available</source>
        <translation>%L1 of %L2 seats available</translation>
    </message>
    <message>
        <source>The database is back.</source>
        <translation>The database is back.</translation>
    </message>
</context>
<context>
    <name>boxoffice::QueueModel</name>
    <message>
        <source>Used (paid)</source>
        <translation>Used (paid)</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>Waiting</translation>
    </message>
    <message>
        <source>Admitted</source>
        <translation>Admitted</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Expired</translation>
    </message>
    <message>
        <source>%1 left</source>
        <translation>%1 left</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Customer</translation>
    </message>
    <message>
        <source>Concert</source>
        <translation>Concert</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Position</translation>
    </message>
    <message>
        <source>Wait / time left</source>
        <translation>Wait / time left</translation>
    </message>
</context>
<context>
    <name>boxoffice::QueuePanel</name>
    <message>
        <source>Queue</source>
        <translation>Queue</translation>
    </message>
    <message>
        <source>State:</source>
        <translation>State:</translation>
    </message>
    <message>
        <source>Position:</source>
        <translation>Position:</translation>
    </message>
    <message>
        <source>Wait / time left:</source>
        <translation>Wait / time left:</translation>
    </message>
    <message>
        <source>&amp;Join queue</source>
        <translation>&amp;Join queue</translation>
    </message>
    <message>
        <source>Not in the queue</source>
        <translation>Not in the queue</translation>
    </message>
    <message>
        <source>Choose a customer and a concert</source>
        <translation>Choose a customer and a concert</translation>
    </message>
    <message>
        <source>%1 (next to enter: 1)</source>
        <translation>%1 (next to enter: 1)</translation>
    </message>
    <message>
        <source>about %1</source>
        <translation>about %1</translation>
    </message>
    <message>
        <source>Admitted</source>
        <translation>Admitted</translation>
    </message>
    <message>
        <source>%1 left to buy</source>
        <translation>%1 left to buy</translation>
    </message>
    <message>
        <source>&amp;Join queue again</source>
        <translation>&amp;Join queue again</translation>
    </message>
</context>
<context>
    <name>boxoffice::ScheduleListModel</name>
    <message numerus="yes">
        <source>%1 · %Ln seat(s) left</source>
        <extracomment>A performance in the list: its date and time, then how many seats are left.</extracomment>
        <translation><numerusform>%1 · %Ln seat left</numerusform><numerusform>%1 · %Ln seats left</numerusform></translation>
    </message>
    <message>
        <source>%L1 of %L2 seats available</source>
        <translation>%L1 of %L2 seats available</translation>
    </message>
</context>
<context>
    <name>boxoffice::SeatMapModel</name>
    <message>
        <source>Available</source>
        <translation>Available</translation>
    </message>
    <message>
        <source>Held for this customer</source>
        <translation>Held for this customer</translation>
    </message>
    <message>
        <source>Held by another customer</source>
        <translation>Held by another customer</translation>
    </message>
    <message>
        <source>Sold</source>
        <translation>Sold</translation>
    </message>
    <message>
        <source>Seat %1 · %2 · %3 · %4</source>
        <extracomment>Seat tooltip: seat label, tier, price, state.</extracomment>
        <translation>Seat %1 · %2 · %3 · %4</translation>
    </message>
</context>
<context>
    <name>boxoffice::SeatMapView</name>
    <message>
        <source>Choose a concert and a date.</source>
        <translation>Choose a concert and a date.</translation>
    </message>
    <message>
        <source>STAGE</source>
        <translation>STAGE</translation>
    </message>
</context>
<context>
    <name>boxoffice::WalletDialog</name>
    <message>
        <source>Wallet</source>
        <translation>Wallet</translation>
    </message>
    <message>
        <source>e.g. 50,000</source>
        <translation>e.g. 50,000</translation>
    </message>
    <message>
        <source>Charge &amp;amount (KRW):</source>
        <translation>Charge &amp;amount (KRW):</translation>
    </message>
    <message>
        <source>&amp;Charge</source>
        <translation>&amp;Charge</translation>
    </message>
    <message>
        <source>History</source>
        <translation>History</translation>
    </message>
    <message>
        <source>%1 (member #%2)</source>
        <translation>%1 (member #%2)</translation>
    </message>
    <message>
        <source>Balance: %1</source>
        <translation>Balance: %1</translation>
    </message>
    <message>
        <source>Charges are whole won from 1 to 1,000,000 each; a balance may hold at most 10,000,000.</source>
        <translation>Charges are whole won from 1 to 1,000,000 each; a balance may hold at most 10,000,000.</translation>
    </message>
    <message>
        <source>After this charge the balance would be %1; the most a balance may hold is 10,000,000 KRW.</source>
        <translation>After this charge the balance would be %1; the most a balance may hold is 10,000,000 KRW.</translation>
    </message>
    <message>
        <source>New balance after charging: %1</source>
        <translation>New balance after charging: %1</translation>
    </message>
    <message>
        <source>Charged %1. New balance: %2.</source>
        <translation>Charged %1. New balance: %2.</translation>
    </message>
</context>
</TS>