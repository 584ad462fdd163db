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
    <message>
        <source>Opening the database…</source>
        <translation>Opening the database…</translation>
    </message>
    <message>
        <source>Self-service</source>
        <translation>Self-service</translation>
    </message>
    <message>
        <source>Box Office could not be started again on %1.</source>
        <translation>Box Office could not be started again on %1.</translation>
    </message>
</context>
<context>
    <name>boxoffice::CatalogPanel</name>
    <message>
        <source>C&amp;oncerts</source>
        <translation>C&amp;oncerts</translation>
    </message>
    <message>
        <source>&amp;Dates</source>
        <translation>&amp;Dates</translation>
    </message>
    <message>
        <source>Concerts</source>
        <translation>Concerts</translation>
    </message>
    <message>
        <source>Choosing a concert puts the customer in its queue and picks its first date.</source>
        <translation>Choosing a concert puts the customer in its queue and picks its first date.</translation>
    </message>
    <message>
        <source>Dates</source>
        <translation>Dates</translation>
    </message>
    <message>
        <source>The concert&apos;s performances and the seats left.</source>
        <translation>The concert&apos;s performances and the seats left.</translation>
    </message>
</context>
<context>
    <name>boxoffice::CheckInWindow</name>
    <message>
        <source>Check-in</source>
        <translation>Check-in</translation>
    </message>
    <message>
        <source>Scan a ticket, or type its code and press Enter</source>
        <translation>Scan a ticket, or type its code and press Enter</translation>
    </message>
    <message>
        <source>Scan field</source>
        <translation>Scan field</translation>
    </message>
    <message>
        <source>A handheld scanner types the ticket&apos;s code here and presses Enter.</source>
        <translation>A handheld scanner types the ticket&apos;s code here and presses Enter.</translation>
    </message>
    <message>
        <source>Check-in answer</source>
        <translation>Check-in answer</translation>
    </message>
    <message>
        <source>Whether the last ticket scanned gets in.</source>
        <translation>Whether the last ticket scanned gets in.</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Ready</translation>
    </message>
    <message>
        <source>Scan the first ticket.</source>
        <translation>Scan the first ticket.</translation>
    </message>
    <message>
        <source>Seat %1</source>
        <translation>Seat %1</translation>
    </message>
    <message>
        <source>OK — come in</source>
        <translation>OK — come in</translation>
    </message>
    <message>
        <source>Already checked in</source>
        <translation>Already checked in</translation>
    </message>
    <message>
        <source>%1 — first checked in at %2</source>
        <translation>%1 — first checked in at %2</translation>
    </message>
    <message>
        <source>Ticket revoked</source>
        <translation>Ticket revoked</translation>
    </message>
    <message>
        <source>%1 — this code was replaced by a reissued ticket</source>
        <translation>%1 — this code was replaced by a reissued ticket</translation>
    </message>
    <message>
        <source>%1 — this ticket was refunded</source>
        <translation>%1 — this ticket was refunded</translation>
    </message>
    <message>
        <source>Not a valid ticket</source>
        <translation>Not a valid ticket</translation>
    </message>
    <message>
        <source>Do not let in. Ask for the ticket again or send to the box office.</source>
        <translation>Do not let in. Ask for the ticket again or send to the box office.</translation>
    </message>
    <message>
        <source>Another performance</source>
        <translation>Another performance</translation>
    </message>
    <message>
        <source>%1 — this ticket is for another date or time</source>
        <translation>%1 — this ticket is for another date or time</translation>
    </message>
    <message>
        <source>Could not check</source>
        <translation>Could not check</translation>
    </message>
    <message>
        <source>Check-in: %1, %2</source>
        <translation>Check-in: %1, %2</translation>
    </message>
    <message>
        <source>Check-in — %1</source>
        <translation>Check-in — %1</translation>
    </message>
    <message>
        <source>Checked in: %1</source>
        <translation>Checked in: %1</translation>
    </message>
</context>
<context>
    <name>boxoffice::ConnectionWatch</name>
    <message>
        <source>The database is not answering. Waiting for it; what was asked is kept until it answers.</source>
        <translation>The database is not answering. Waiting for it; what was asked is kept until it answers.</translation>
    </message>
</context>
<context>
    <name>boxoffice::CustomerBar</name>
    <message>
        <source>&amp;Customer:</source>
        <translation>&amp;Customer:</translation>
    </message>
    <message>
        <source>Number, name or phone (Ctrl+F)</source>
        <translation>Number, name or phone (Ctrl+F)</translation>
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
        <source>Customer search</source>
        <translation>Customer search</translation>
    </message>
    <message>
        <source>A member number, a name or a phone number; Enter finds the customer.</source>
        <translation>A member number, a name or a phone number; Enter finds the customer.</translation>
    </message>
    <message>
        <source>Finds the customer typed in the search field.</source>
        <translation>Finds the customer typed in the search field.</translation>
    </message>
    <message>
        <source>Matching customers</source>
        <translation>Matching customers</translation>
    </message>
    <message>
        <source>Pick the customer when several match.</source>
        <translation>Pick the customer when several match.</translation>
    </message>
    <message>
        <source>New customer</source>
        <translation>New customer</translation>
    </message>
    <message>
        <source>Adds a walk-up customer with name and phone.</source>
        <translation>Adds a walk-up customer with name and phone.</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Customer</translation>
    </message>
    <message>
        <source>The sale&apos;s customer and their wallet balance.</source>
        <translation>The sale&apos;s customer and their wallet balance.</translation>
    </message>
    <message>
        <source>Wallet</source>
        <translation>Wallet</translation>
    </message>
    <message>
        <source>The customer&apos;s balance, charges and history.</source>
        <translation>The customer&apos;s balance, charges and history.</translation>
    </message>
    <message>
        <source>No customer matches &quot;%1&quot;.</source>
        <translation>No customer matches &quot;%1&quot;.</translation>
    </message>
    <message numerus="yes">
        <source>%n customer(s) match; pick one from the list.</source>
        <translation>
            <numerusform>%n customer matches.</numerusform>
            <numerusform>%n customers match; pick one from the list.</numerusform>
        </translation>
    </message>
    <message>
        <source>No member with number %1.</source>
        <translation>No member with number %1.</translation>
    </message>
    <message>
        <source>Added %1 as member #%2.</source>
        <translation>Added %1 as member #%2.</translation>
    </message>
    <message>
        <source>No customer selected</source>
        <translation>No customer selected</translation>
    </message>
    <message>
        <source>%1 (#%2) · %3 · balance %4</source>
        <translation>%1 (#%2) · %3 · balance %4</translation>
    </message>
</context>
<context>
    <name>boxoffice::CustomerPage</name>
    <message>
        <source>Purchases and refunds</source>
        <translation>Purchases and refunds</translation>
    </message>
    <message>
        <source>Seats bought</source>
        <translation>Seats bought</translation>
    </message>
    <message>
        <source>&amp;Refund…</source>
        <translation>&amp;Refund…</translation>
    </message>
    <message>
        <source>Refunds</source>
        <translation>Refunds</translation>
    </message>
    <message>
        <source>Every seat the customer bought; tick seats of one payment to refund them.</source>
        <translation>Every seat the customer bought; tick seats of one payment to refund them.</translation>
    </message>
    <message>
        <source>Refund</source>
        <translation>Refund</translation>
    </message>
    <message>
        <source>Refunds the ticked seats after one confirmation.</source>
        <translation>Refunds the ticked seats after one confirmation.</translation>
    </message>
    <message>
        <source>The customer&apos;s refunds, newest first.</source>
        <translation>The customer&apos;s refunds, newest first.</translation>
    </message>
    <message>
        <source>%1 (No. %2), balance %3</source>
        <translation>%1 (No. %2), balance %3</translation>
    </message>
    <message>
        <source>Tick the seats of one payment to refund them. Seats of a performance that has started, or already checked in, cannot be refunded.</source>
        <translation>Tick the seats of one payment to refund them. Seats of a performance that has started, or already checked in, cannot be refunded.</translation>
    </message>
    <message numerus="yes">
        <source>%n seat(s) of payment No. %1 chosen…</source>
        <translation>
            <numerusform>%n seat of payment No. %1 chosen…</numerusform>
            <numerusform>%n seats of payment No. %1 chosen…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Refund %n seat(s) of payment No. %1: %2, less the fee of %3 (%4%): %5 back to the wallet.</source>
        <translation>
            <numerusform>Refund %n seat of payment No. %1: %2, less the fee of %3 (%4%): %5 back to the wallet.</numerusform>
            <numerusform>Refund %n seats of payment No. %1: %2, less the fee of %3 (%4%): %5 back to the wallet.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>No. %1, %2: %n seat(s) of payment No. %3, %4 less %5 fee, %6 back</source>
        <translation>
            <numerusform>No. %1, %2: %n seat of payment No. %3, %4 less %5 fee, %6 back</numerusform>
            <numerusform>No. %1, %2: %n seats of payment No. %3, %4 less %5 fee, %6 back</numerusform>
        </translation>
    </message>
    <message>
        <source> (by %1)</source>
        <translation> (by %1)</translation>
    </message>
    <message>
        <source>No refunds.</source>
        <translation>No refunds.</translation>
    </message>
    <message numerus="yes">
        <source>Refund %n seat(s)? The seats go back on sale and their tickets stop working.</source>
        <translation>
            <numerusform>Refund %n seat? The seat goes back on sale and its ticket stops working.</numerusform>
            <numerusform>Refund %n seats? The seats go back on sale and their tickets stop working.</numerusform>
        </translation>
    </message>
    <message>
        <source>Refund No. %1 made: %2 back to the wallet, %3 kept. Balance: %4.</source>
        <translation>Refund No. %1 made: %2 back to the wallet, %3 kept. Balance: %4.</translation>
    </message>
</context>
<context>
    <name>boxoffice::DesktopHabits</name>
    <message>
        <source>Box Office — %1</source>
        <translation>Box Office — %1</translation>
    </message>
    <message>
        <source>%1 — Box Office — %2</source>
        <translation>%1 — Box Office — %2</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>&amp;Open database…</source>
        <translation>&amp;Open database…</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>&amp;User&apos;s manual</source>
        <translation>&amp;User&apos;s manual</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <source>Box Office will be in %1 from its next start (a --lang option still decides).</source>
        <translation>Box Office will be in %1 from its next start (a --lang option still decides).</translation>
    </message>
    <message>
        <source>Open database</source>
        <translation>Open database</translation>
    </message>
    <message>
        <source>Box Office databases (*.sqlite *.db);;All files (*)</source>
        <translation>Box Office databases (*.sqlite *.db);;All files (*)</translation>
    </message>
</context>
<context>
    <name>boxoffice::HelpBrowser</name>
    <message>
        <source>Box Office — User&apos;s manual</source>
        <translation>Box Office — User&apos;s manual</translation>
    </message>
    <message>
        <source># The manual is missing

This copy of Box Office was built without its README.</source>
        <translation># The manual is missing

This copy of Box Office was built without its README.</translation>
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
        <translation>
            <numerusform>Total: %1 (%n seat)</numerusform>
            <numerusform>Total: %1 (%n seats)</numerusform>
        </translation>
    </message>
    <message>
        <source>The seats held for the customer and the time left.</source>
        <translation>The seats held for the customer and the time left.</translation>
    </message>
    <message>
        <source>Pay</source>
        <translation>Pay</translation>
    </message>
    <message>
        <source>Pays every held seat from the customer&apos;s wallet.</source>
        <translation>Pays every held seat from the customer&apos;s wallet.</translation>
    </message>
    <message>
        <source>Release seat</source>
        <translation>Release seat</translation>
    </message>
    <message>
        <source>Gives the chosen held seat back.</source>
        <translation>Gives the chosen held seat back.</translation>
    </message>
    <message>
        <source>Amount to charge</source>
        <translation>Amount to charge</translation>
    </message>
    <message>
        <source>What to add to the wallet before paying; the shortfall to start with.</source>
        <translation>What to add to the wallet before paying; the shortfall to start with.</translation>
    </message>
    <message>
        <source>Charge and pay</source>
        <translation>Charge and pay</translation>
    </message>
    <message>
        <source>Charges the wallet and pays the held seats; asks once to confirm.</source>
        <translation>Charges the wallet and pays the held seats; asks once to confirm.</translation>
    </message>
    <message>
        <source>What the sale says now.</source>
        <translation>What the sale says now.</translation>
    </message>
    <message>
        <source>The balance is %1 short.</source>
        <translation>The balance is %1 short.</translation>
    </message>
    <message>
        <source>The balance is %1 short. Please pay at the counter.</source>
        <translation>The balance is %1 short. Please pay at the counter.</translation>
    </message>
    <message>
        <source>Charge &amp;and pay</source>
        <translation>Charge &amp;and pay</translation>
    </message>
    <message>
        <source>Confirm: charge %1 and pay</source>
        <translation>Confirm: charge %1 and pay</translation>
    </message>
    <message>
        <source>The balance is %1 short. This demo kiosk can top up the wallet: no real money is taken.</source>
        <translation>The balance is %1 short. This demo kiosk can top up the wallet: no real money is taken.</translation>
    </message>
    <message>
        <source>Demo top-up and pay</source>
        <translation>Demo top-up and pay</translation>
    </message>
    <message>
        <source>Confirm: demo top-up of %1, then pay</source>
        <translation>Confirm: demo top-up of %1, then pay</translation>
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
    <name>boxoffice::KioskStartScreen</name>
    <message>
        <source>Welcome! Buy your concert seats here.</source>
        <translation>Welcome! Buy your concert seats here.</translation>
    </message>
    <message>
        <source>Member number:</source>
        <translation>Member number:</translation>
    </message>
    <message>
        <source>Last 4 digits of your phone:</source>
        <translation>Last 4 digits of your phone:</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>Member number</source>
        <translation>Member number</translation>
    </message>
    <message>
        <source>Your member number.</source>
        <translation>Your member number.</translation>
    </message>
    <message>
        <source>Phone digits</source>
        <translation>Phone digits</translation>
    </message>
    <message>
        <source>The last four digits of your phone number.</source>
        <translation>The last four digits of your phone number.</translation>
    </message>
    <message>
        <source>Starts buying seats as this member.</source>
        <translation>Starts buying seats as this member.</translation>
    </message>
    <message>
        <source>Type your member number and the last 4 digits of your phone.</source>
        <translation>Type your member number and the last 4 digits of your phone.</translation>
    </message>
    <message>
        <source>That member number and phone do not match. Please try again.</source>
        <translation>That member number and phone do not match. Please try again.</translation>
    </message>
</context>
<context>
    <name>boxoffice::KioskWindow</name>
    <message>
        <source>Box Office — Self-service</source>
        <translation>Box Office — Self-service</translation>
    </message>
    <message>
        <source>Finish</source>
        <translation>Finish</translation>
    </message>
    <message>
        <source>Ends your visit and returns to the start screen.</source>
        <translation>Ends your visit and returns to the start screen.</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Customer</translation>
    </message>
    <message>
        <source>Who is buying, and their balance.</source>
        <translation>Who is buying, and their balance.</translation>
    </message>
    <message>
        <source>%1 · balance %2</source>
        <translation>%1 · balance %2</translation>
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
        <source>Box Office</source>
        <translation>Box Office</translation>
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
        <source>Find or add a customer first.</source>
        <translation>Find or add a customer first.</translation>
    </message>
    <message>
        <source>C&amp;harge and pay</source>
        <translation>C&amp;harge and pay</translation>
    </message>
    <message>
        <source>&amp;Purchases and refunds…</source>
        <translation>&amp;Purchases and refunds…</translation>
    </message>
    <message>
        <source>&amp;Door</source>
        <translation>&amp;Door</translation>
    </message>
    <message>
        <source>&amp;Check-in screen…</source>
        <translation>&amp;Check-in screen…</translation>
    </message>
    <message>
        <source>Signed in: %1</source>
        <translation>Signed in: %1</translation>
    </message>
    <message>
        <source>Counter</source>
        <translation>Counter</translation>
    </message>
</context>
<context>
    <name>boxoffice::NewCustomerDialog</name>
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
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>The new customer&apos;s name.</source>
        <translation>The new customer&apos;s name.</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>The new customer&apos;s phone number, for example 010-1234-5678.</source>
        <translation>The new customer&apos;s phone number, for example 010-1234-5678.</translation>
    </message>
</context>
<context>
    <name>boxoffice::PaymentTicketsModel</name>
    <message>
        <source>Valid</source>
        <translation>Valid</translation>
    </message>
    <message>
        <source>Checked in %1</source>
        <translation>Checked in %1</translation>
    </message>
    <message>
        <source>Refunded</source>
        <translation>Refunded</translation>
    </message>
    <message>
        <source>Replaced by a reissued ticket</source>
        <translation>Replaced by a reissued ticket</translation>
    </message>
    <message>
        <source>Seat %1 — %2</source>
        <translation>Seat %1 — %2</translation>
    </message>
</context>
<context>
    <name>boxoffice::PerformanceChooser</name>
    <message>
        <source>Open the door</source>
        <translation>Open the door</translation>
    </message>
    <message>
        <source>Which performance is this door for? Tickets for any other one are turned away.</source>
        <translation>Which performance is this door for? Tickets for any other one are turned away.</translation>
    </message>
    <message>
        <source>&amp;Concert</source>
        <translation>&amp;Concert</translation>
    </message>
    <message>
        <source>&amp;Date</source>
        <translation>&amp;Date</translation>
    </message>
    <message>
        <source>&amp;Open check-in</source>
        <translation>&amp;Open check-in</translation>
    </message>
    <message>
        <source>Concert</source>
        <translation>Concert</translation>
    </message>
    <message>
        <source>The concert whose audience comes in here.</source>
        <translation>The concert whose audience comes in here.</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>The performance this door lets in.</source>
        <translation>The performance this door lets in.</translation>
    </message>
</context>
<context>
    <name>boxoffice::PurchasesModel</name>
    <message>
        <source>Refunded %1</source>
        <translation>Refunded %1</translation>
    </message>
    <message>
        <source>Checked in %1</source>
        <translation>Checked in %1</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>Paid</translation>
    </message>
    <message>
        <source>No. %1</source>
        <translation>No. %1</translation>
    </message>
    <message>
        <source>Payment</source>
        <translation>Payment</translation>
    </message>
    <message>
        <source>Concert</source>
        <translation>Concert</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
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
        <source>Status</source>
        <translation>Status</translation>
    </message>
</context>
<context>
    <name>boxoffice::QueueModel</name>
    <message>
        <source>Waiting</source>
        <translation>Waiting</translation>
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
        <source>Choosing seats</source>
        <translation>Choosing seats</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>Paid</translation>
    </message>
    <message>
        <source>Time</source>
        <extracomment>The queue table&apos;s last column: the wait, or the time left to buy.</extracomment>
        <translation>Time</translation>
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
        <source>%1 left to buy</source>
        <translation>%1 left to buy</translation>
    </message>
    <message>
        <source>&amp;Join queue again</source>
        <translation>&amp;Join queue again</translation>
    </message>
    <message>
        <source>Join queue</source>
        <translation>Join queue</translation>
    </message>
    <message>
        <source>Puts the customer in the concert&apos;s waiting queue.</source>
        <translation>Puts the customer in the concert&apos;s waiting queue.</translation>
    </message>
    <message>
        <source>Everyone queued here</source>
        <translation>Everyone queued here</translation>
    </message>
    <message>
        <source>Every customer this terminal put in a queue, with their place and time.</source>
        <translation>Every customer this terminal put in a queue, with their place and time.</translation>
    </message>
    <message>
        <source>Queue state</source>
        <translation>Queue state</translation>
    </message>
    <message>
        <source>Where the customer stands in the queue.</source>
        <translation>Where the customer stands in the queue.</translation>
    </message>
    <message>
        <source>Queue position</source>
        <translation>Queue position</translation>
    </message>
    <message>
        <source>1 is the next to be let in.</source>
        <translation>1 is the next to be let in.</translation>
    </message>
    <message>
        <source>Wait or time left</source>
        <translation>Wait or time left</translation>
    </message>
    <message>
        <source>The expected wait, or the time left to buy once let in.</source>
        <translation>The expected wait, or the time left to buy once let in.</translation>
    </message>
    <message>
        <source>%1 (#%2) may now choose seats for %3.</source>
        <translation>%1 (#%2) may now choose seats for %3.</translation>
    </message>
    <message>
        <source>Your turn</source>
        <translation>Your turn</translation>
    </message>
</context>
<context>
    <name>boxoffice::RecentDatabasesMenu</name>
    <message>
        <source>Open &amp;recent</source>
        <translation>Open &amp;recent</translation>
    </message>
    <message>
        <source>%1 is no longer there.</source>
        <translation>%1 is no longer there.</translation>
    </message>
    <message>
        <source>No other database opened yet</source>
        <translation>No other database opened yet</translation>
    </message>
</context>
<context>
    <name>boxoffice::SaleSession</name>
    <message>
        <source>Seat %1: under 30 seconds left to pay.</source>
        <translation>Seat %1: under 30 seconds left to pay.</translation>
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
        <source>Choose a concert to join its queue.</source>
        <translation>Choose a concert to join its queue.</translation>
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
        <source>Choose a customer and a concert first.</source>
        <translation>Choose a customer and a concert first.</translation>
    </message>
    <message>
        <source>%1 is number %2 in the queue.</source>
        <translation>%1 is number %2 in the queue.</translation>
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
        <source>The balance is %1 short of the total.</source>
        <translation>The balance is %1 short of the total.</translation>
    </message>
    <message>
        <source>Paid %1. Payment number %2.</source>
        <translation>Paid %1. Payment number %2.</translation>
    </message>
    <message numerus="yes">
        <source>Payment %1 complete: %n seat(s) sold.</source>
        <translation>
            <numerusform>Payment %1 complete: %n seat sold.</numerusform>
            <numerusform>Payment %1 complete: %n seats sold.</numerusform>
        </translation>
    </message>
    <message>
        <source>Charged %1. New balance: %2.</source>
        <translation>Charged %1. New balance: %2.</translation>
    </message>
    <message numerus="yes">
        <source>The hold on seat(s) %1 ran out of time; they are free again.</source>
        <translation>
            <numerusform>The hold on seat %1 ran out of time; it is free again.</numerusform>
            <numerusform>The hold on seats %1 ran out of time; they are free again.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (#%2) may now choose seats for %3.</source>
        <translation>%1 (#%2) may now choose seats for %3.</translation>
    </message>
</context>
<context>
    <name>boxoffice::ScheduleListModel</name>
    <message numerus="yes">
        <source>%1 · %Ln seat(s) left</source>
        <extracomment>A performance in the list: its date and time, then how many seats are left.</extracomment>
        <translation>
            <numerusform>%1 · %Ln seat left</numerusform>
            <numerusform>%1 · %Ln seats left</numerusform>
        </translation>
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
    <name>boxoffice::SeatMapPanel</name>
    <message>
        <source>Seats</source>
        <translation>Seats</translation>
    </message>
    <message>
        <source>Seats (Ctrl+M; arrows move, Space holds, Ctrl +/- zooms)</source>
        <translation>Seats (Ctrl+M; arrows move, Space holds, Ctrl +/- zooms)</translation>
    </message>
    <message>
        <source>Go to seat, e.g. H-25-65</source>
        <translation>Go to seat, e.g. H-25-65</translation>
    </message>
    <message>
        <source>Go to seat</source>
        <translation>Go to seat</translation>
    </message>
    <message>
        <source>Type a seat as its ticket names it and press Enter.</source>
        <translation>Type a seat as its ticket names it and press Enter.</translation>
    </message>
    <message>
        <source>There is no seat &quot;%1&quot; on this map.</source>
        <translation>There is no seat &quot;%1&quot; on this map.</translation>
    </message>
    <message>
        <source>%L1 of %L2 seats available</source>
        <translation>%L1 of %L2 seats available</translation>
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
    <message>
        <source>Seat %1</source>
        <translation>Seat %1</translation>
    </message>
    <message>
        <source>%1 · %2 · %3</source>
        <extracomment>Read out for a seat: its tier, price and state.</extracomment>
        <translation>%1 · %2 · %3</translation>
    </message>
    <message>
        <source>Section %1</source>
        <translation>Section %1</translation>
    </message>
    <message>
        <source>Seat map</source>
        <translation>Seat map</translation>
    </message>
    <message>
        <source>Arrow keys move between seats; Space holds or releases one.</source>
        <translation>Arrow keys move between seats; Space holds or releases one.</translation>
    </message>
</context>
<context>
    <name>boxoffice::SeatOverview</name>
    <message>
        <source>Venue overview</source>
        <translation>Venue overview</translation>
    </message>
    <message>
        <source>Every section with how many seats are free; click a section to show it on the map.</source>
        <translation>Every section with how many seats are free; click a section to show it on the map.</translation>
    </message>
</context>
<context>
    <name>boxoffice::SignInDialog</name>
    <message>
        <source>Sign in</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <source>Who is working at this terminal? Your name is recorded with every charge, sale, refund and check-in you make.</source>
        <translation>Who is working at this terminal? Your name is recorded with every charge, sale, refund and check-in you make.</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>Your name</translation>
    </message>
    <message>
        <source>&amp;Sign in</source>
        <translation>&amp;Sign in</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>The name your actions are recorded under.</source>
        <translation>The name your actions are recorded under.</translation>
    </message>
</context>
<context>
    <name>boxoffice::StatusLine</name>
    <message>
        <source>Database: %1</source>
        <translation>Database: %1</translation>
    </message>
    <message>
        <source>The database is back.</source>
        <translation>The database is back.</translation>
    </message>
</context>
<context>
    <name>boxoffice::TicketsPanel</name>
    <message>
        <source>Tickets</source>
        <translation>Tickets</translation>
    </message>
    <message>
        <source>P&amp;rint…</source>
        <translation>P&amp;rint…</translation>
    </message>
    <message>
        <source>Save as P&amp;DF…</source>
        <translation>Save as P&amp;DF…</translation>
    </message>
    <message>
        <source>Re&amp;print</source>
        <translation>Re&amp;print</translation>
    </message>
    <message>
        <source>Re&amp;issue</source>
        <translation>Re&amp;issue</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>The payment&apos;s tickets, one per seat.</source>
        <translation>The payment&apos;s tickets, one per seat.</translation>
    </message>
    <message>
        <source>Ticket QR code</source>
        <translation>Ticket QR code</translation>
    </message>
    <message>
        <source>The chosen ticket&apos;s code as a QR symbol.</source>
        <translation>The chosen ticket&apos;s code as a QR symbol.</translation>
    </message>
    <message>
        <source>Print tickets</source>
        <translation>Print tickets</translation>
    </message>
    <message>
        <source>Prints every ticket of the payment.</source>
        <translation>Prints every ticket of the payment.</translation>
    </message>
    <message>
        <source>Save tickets as PDF</source>
        <translation>Save tickets as PDF</translation>
    </message>
    <message>
        <source>Saves every ticket of the payment in one PDF, one ticket a page.</source>
        <translation>Saves every ticket of the payment in one PDF, one ticket a page.</translation>
    </message>
    <message>
        <source>Reprint ticket</source>
        <translation>Reprint ticket</translation>
    </message>
    <message>
        <source>Prints the chosen ticket again, same code.</source>
        <translation>Prints the chosen ticket again, same code.</translation>
    </message>
    <message>
        <source>Reissue ticket</source>
        <translation>Reissue ticket</translation>
    </message>
    <message>
        <source>Gives the chosen seat a new code; the old one no longer gets in. Asks once to confirm, on the button itself.</source>
        <translation>Gives the chosen seat a new code; the old one no longer gets in. Asks once to confirm, on the button itself.</translation>
    </message>
    <message numerus="yes">
        <source>Payment No. %1: %n ticket(s)</source>
        <translation>
            <numerusform>Payment No. %1: %n ticket</numerusform>
            <numerusform>Payment No. %1: %n tickets</numerusform>
        </translation>
    </message>
    <message>
        <source>No payment chosen</source>
        <translation>No payment chosen</translation>
    </message>
    <message>
        <source>Not valid</source>
        <translation>Not valid</translation>
    </message>
    <message>
        <source>Seat %1</source>
        <translation>Seat %1</translation>
    </message>
    <message>
        <source>Issue %1</source>
        <translation>Issue %1</translation>
    </message>
    <message>
        <source>Tickets, payment No. %1</source>
        <translation>Tickets, payment No. %1</translation>
    </message>
    <message numerus="yes">
        <source>Sent %n ticket(s) to the printer.</source>
        <translation>
            <numerusform>Sent %n ticket to the printer.</numerusform>
            <numerusform>Sent %n tickets to the printer.</numerusform>
        </translation>
    </message>
    <message>
        <source>Printed seat %1 again (the same code).</source>
        <translation>Printed seat %1 again (the same code).</translation>
    </message>
    <message>
        <source>tickets-payment-%1.pdf</source>
        <translation>tickets-payment-%1.pdf</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message numerus="yes">
        <source>Saved %n ticket(s) in %1.</source>
        <translation>
            <numerusform>Saved %n ticket in %1.</numerusform>
            <numerusform>Saved %n tickets in %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Confirm: new code for seat %1</source>
        <translation>Confirm: new code for seat %1</translation>
    </message>
    <message>
        <source>Seat %1&apos;s current code will no longer get in at the door.</source>
        <translation>Seat %1&apos;s current code will no longer get in at the door.</translation>
    </message>
    <message>
        <source>Seat %1 has a new ticket (issue %2); print it for the customer.</source>
        <translation>Seat %1 has a new ticket (issue %2); print it for the customer.</translation>
    </message>
    <message>
        <source>Done with the tickets</source>
        <translation>Done with the tickets</translation>
    </message>
    <message>
        <source>Puts the tickets away and shows the seat map again.</source>
        <translation>Puts the tickets away and shows the seat map again.</translation>
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
        <source>New balance after charging: %1</source>
        <translation>New balance after charging: %1</translation>
    </message>
    <message>
        <source>Charged %1. New balance: %2.</source>
        <translation>Charged %1. New balance: %2.</translation>
    </message>
    <message>
        <source>Charge %1</source>
        <translation>Charge %1</translation>
    </message>
    <message>
        <source>Fills in this amount.</source>
        <translation>Fills in this amount.</translation>
    </message>
    <message>
        <source>Charge amount</source>
        <translation>Charge amount</translation>
    </message>
    <message>
        <source>Whole won from 1 to %L1 per charge.</source>
        <translation>Whole won from 1 to %L1 per charge.</translation>
    </message>
    <message>
        <source>Charge</source>
        <translation>Charge</translation>
    </message>
    <message>
        <source>Adds the amount to the wallet.</source>
        <translation>Adds the amount to the wallet.</translation>
    </message>
    <message>
        <source>Wallet history</source>
        <translation>Wallet history</translation>
    </message>
    <message>
        <source>Every charge, payment and refund, newest first.</source>
        <translation>Every charge, payment and refund, newest first.</translation>
    </message>
    <message>
        <source>Balance</source>
        <translation>Balance</translation>
    </message>
    <message>
        <source>What the wallet holds now.</source>
        <translation>What the wallet holds now.</translation>
    </message>
    <message>
        <source>Charges are whole won from 1 to %L1 each; a balance may hold at most %L2.</source>
        <translation>Charges are whole won from 1 to %L1 each; a balance may hold at most %L2.</translation>
    </message>
    <message>
        <source>After this charge the balance would be %1; the most a balance may hold is %2.</source>
        <translation>After this charge the balance would be %1; the most a balance may hold is %2.</translation>
    </message>
</context>
</TS>
