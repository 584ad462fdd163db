<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>Format</name>
    <message>
        <source>%1 KRW</source>
        <extracomment>An amount of Korean won; %1 is the number with thousands separators.</extracomment>
        <translation>%1원</translation>
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
        <translation>박스오피스</translation>
    </message>
    <message>
        <source>Opening the database…</source>
        <translation>데이터베이스를 여는 중…</translation>
    </message>
    <message>
        <source>Self-service</source>
        <translation>무인 발권</translation>
    </message>
    <message>
        <source>Box Office could not be started again on %1.</source>
        <translation>%1(으)로 박스오피스를 다시 시작하지 못했습니다.</translation>
    </message>
</context>
<context>
    <name>boxoffice::CatalogPanel</name>
    <message>
        <source>C&amp;oncerts</source>
        <translation>공연(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Dates</source>
        <translation>날짜(&amp;D)</translation>
    </message>
    <message>
        <source>Concerts</source>
        <translation>공연</translation>
    </message>
    <message>
        <source>Choosing a concert puts the customer in its queue and picks its first date.</source>
        <translation>공연을 고르면 고객이 그 공연의 대기열에 참여하고 첫 공연 일정이 선택됩니다.</translation>
    </message>
    <message>
        <source>Dates</source>
        <translation>공연 일정</translation>
    </message>
    <message>
        <source>The concert&apos;s performances and the seats left.</source>
        <translation>공연 일정과 남은 좌석 수입니다.</translation>
    </message>
</context>
<context>
    <name>boxoffice::CheckInWindow</name>
    <message>
        <source>Check-in</source>
        <translation>입장 확인</translation>
    </message>
    <message>
        <source>Scan a ticket, or type its code and press Enter</source>
        <translation>티켓을 스캔하거나 코드를 입력하고 Enter를 누르세요</translation>
    </message>
    <message>
        <source>Scan field</source>
        <translation>스캔 입력란</translation>
    </message>
    <message>
        <source>A handheld scanner types the ticket&apos;s code here and presses Enter.</source>
        <translation>휴대용 스캐너가 이곳에 티켓 코드를 입력하고 Enter를 누릅니다.</translation>
    </message>
    <message>
        <source>Check-in answer</source>
        <translation>입장 확인 결과</translation>
    </message>
    <message>
        <source>Whether the last ticket scanned gets in.</source>
        <translation>마지막으로 스캔한 티켓으로 입장할 수 있는지 알려 줍니다.</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>확인 중…</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>준비됨</translation>
    </message>
    <message>
        <source>Scan the first ticket.</source>
        <translation>첫 번째 티켓을 스캔하세요.</translation>
    </message>
    <message>
        <source>Seat %1</source>
        <translation>%1번 좌석</translation>
    </message>
    <message>
        <source>OK — come in</source>
        <translation>확인 — 입장하세요</translation>
    </message>
    <message>
        <source>Already checked in</source>
        <translation>이미 입장함</translation>
    </message>
    <message>
        <source>%1 — first checked in at %2</source>
        <translation>%1 — %2에 처음 입장함</translation>
    </message>
    <message>
        <source>Ticket revoked</source>
        <translation>무효가 된 티켓</translation>
    </message>
    <message>
        <source>%1 — this code was replaced by a reissued ticket</source>
        <translation>%1 — 재발급된 티켓으로 바뀐 코드입니다</translation>
    </message>
    <message>
        <source>%1 — this ticket was refunded</source>
        <translation>%1 — 환불된 티켓입니다</translation>
    </message>
    <message>
        <source>Not a valid ticket</source>
        <translation>유효한 티켓이 아님</translation>
    </message>
    <message>
        <source>Do not let in. Ask for the ticket again or send to the box office.</source>
        <translation>입장시키지 마세요. 티켓을 다시 확인하거나 매표소로 안내하세요.</translation>
    </message>
    <message>
        <source>Another performance</source>
        <translation>다른 회차 공연</translation>
    </message>
    <message>
        <source>%1 — this ticket is for another date or time</source>
        <translation>%1 — 다른 날짜나 시간의 티켓입니다</translation>
    </message>
    <message>
        <source>Could not check</source>
        <translation>확인할 수 없음</translation>
    </message>
    <message>
        <source>Check-in: %1, %2</source>
        <translation>입장 확인: %1, %2</translation>
    </message>
    <message>
        <source>Check-in — %1</source>
        <translation>입장 확인 — %1</translation>
    </message>
    <message>
        <source>Checked in: %1</source>
        <translation>입장: %1명</translation>
    </message>
</context>
<context>
    <name>boxoffice::ConnectionWatch</name>
    <message>
        <source>The database is not answering. Waiting for it; what was asked is kept until it answers.</source>
        <translation>데이터베이스가 응답하지 않습니다. 기다리는 중이며, 요청한 작업은 응답이 올 때까지 보관됩니다.</translation>
    </message>
</context>
<context>
    <name>boxoffice::CustomerBar</name>
    <message>
        <source>&amp;Customer:</source>
        <translation>고객(&amp;C):</translation>
    </message>
    <message>
        <source>Number, name or phone (Ctrl+F)</source>
        <translation>회원번호, 이름 또는 전화번호 (Ctrl+F)</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>찾기</translation>
    </message>
    <message>
        <source>&amp;New customer…</source>
        <translation>신규 고객(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Wallet…</source>
        <translation>지갑(&amp;W)…</translation>
    </message>
    <message>
        <source>Customer search</source>
        <translation>고객 검색</translation>
    </message>
    <message>
        <source>A member number, a name or a phone number; Enter finds the customer.</source>
        <translation>회원 번호, 이름 또는 전화번호를 입력하고 Enter를 누르면 고객을 찾습니다.</translation>
    </message>
    <message>
        <source>Finds the customer typed in the search field.</source>
        <translation>검색란에 입력한 고객을 찾습니다.</translation>
    </message>
    <message>
        <source>Matching customers</source>
        <translation>찾은 고객</translation>
    </message>
    <message>
        <source>Pick the customer when several match.</source>
        <translation>여러 명이 찾아지면 고객을 고르세요.</translation>
    </message>
    <message>
        <source>New customer</source>
        <translation>신규 고객</translation>
    </message>
    <message>
        <source>Adds a walk-up customer with name and phone.</source>
        <translation>현장 고객을 이름과 전화번호로 등록합니다.</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>고객</translation>
    </message>
    <message>
        <source>The sale&apos;s customer and their wallet balance.</source>
        <translation>판매 중인 고객과 지갑 잔액입니다.</translation>
    </message>
    <message>
        <source>Wallet</source>
        <translation>지갑</translation>
    </message>
    <message>
        <source>The customer&apos;s balance, charges and history.</source>
        <translation>고객의 잔액, 충전과 사용 내역입니다.</translation>
    </message>
    <message>
        <source>No customer matches &quot;%1&quot;.</source>
        <translation>&quot;%1&quot;에 해당하는 고객이 없습니다.</translation>
    </message>
    <message numerus="yes">
        <source>%n customer(s) match; pick one from the list.</source>
        <translation>
            <numerusform>고객 %n명이 검색되었습니다. 목록에서 선택하세요.</numerusform>
        </translation>
    </message>
    <message>
        <source>No member with number %1.</source>
        <translation>회원 번호 %1인 고객이 없습니다.</translation>
    </message>
    <message>
        <source>Added %1 as member #%2.</source>
        <translation>%1 고객님을 회원 #%2(으)로 등록했습니다.</translation>
    </message>
    <message>
        <source>No customer selected</source>
        <translation>선택된 고객 없음</translation>
    </message>
    <message>
        <source>%1 (#%2) · %3 · balance %4</source>
        <translation>%1 (#%2) · %3 · 잔액 %4</translation>
    </message>
</context>
<context>
    <name>boxoffice::CustomerPage</name>
    <message>
        <source>Purchases and refunds</source>
        <translation>구매 및 환불</translation>
    </message>
    <message>
        <source>Seats bought</source>
        <translation>구매한 좌석</translation>
    </message>
    <message>
        <source>&amp;Refund…</source>
        <translation>환불(&amp;R)…</translation>
    </message>
    <message>
        <source>Refunds</source>
        <translation>환불 내역</translation>
    </message>
    <message>
        <source>Every seat the customer bought; tick seats of one payment to refund them.</source>
        <translation>고객이 구매한 모든 좌석입니다. 한 결제의 좌석을 체크하면 환불할 수 있습니다.</translation>
    </message>
    <message>
        <source>Refund</source>
        <translation>환불</translation>
    </message>
    <message>
        <source>Refunds the ticked seats after one confirmation.</source>
        <translation>체크한 좌석을 한 번 확인한 뒤 환불합니다.</translation>
    </message>
    <message>
        <source>The customer&apos;s refunds, newest first.</source>
        <translation>고객의 환불 내역입니다. 최근 것이 먼저 나옵니다.</translation>
    </message>
    <message>
        <source>%1 (No. %2), balance %3</source>
        <translation>%1 (회원 번호 %2), 잔액 %3</translation>
    </message>
    <message>
        <source>Tick the seats of one payment to refund them. Seats of a performance that has started, or already checked in, cannot be refunded.</source>
        <translation>환불할 좌석을 한 결제 안에서 체크하세요. 이미 시작한 공연의 좌석이나 입장한 좌석은 환불할 수 없습니다.</translation>
    </message>
    <message numerus="yes">
        <source>%n seat(s) of payment No. %1 chosen…</source>
        <translation>
            <numerusform>결제번호 %1의 좌석 %n개 선택됨…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Refund %n seat(s) of payment No. %1: %2, less the fee of %3 (%4%): %5 back to the wallet.</source>
        <translation>
            <numerusform>결제번호 %1의 좌석 %n개 환불: %2에서 수수료 %3(%4%)을 빼고 %5을 지갑에 돌려드립니다.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>No. %1, %2: %n seat(s) of payment No. %3, %4 less %5 fee, %6 back</source>
        <translation>
            <numerusform>환불번호 %1, %2: 결제번호 %3의 좌석 %n개, %4에서 수수료 %5 제외, %6 환불</numerusform>
        </translation>
    </message>
    <message>
        <source> (by %1)</source>
        <translation> (처리: %1)</translation>
    </message>
    <message>
        <source>No refunds.</source>
        <translation>환불 내역이 없습니다.</translation>
    </message>
    <message numerus="yes">
        <source>Refund %n seat(s)? The seats go back on sale and their tickets stop working.</source>
        <translation>
            <numerusform>좌석 %n개를 환불할까요? 좌석은 다시 판매되고 티켓은 더 이상 쓸 수 없습니다.</numerusform>
        </translation>
    </message>
    <message>
        <source>Refund No. %1 made: %2 back to the wallet, %3 kept. Balance: %4.</source>
        <translation>환불번호 %1 완료: %2을 지갑에 돌려드렸고 수수료 %3을 받았습니다. 잔액: %4.</translation>
    </message>
</context>
<context>
    <name>boxoffice::DesktopHabits</name>
    <message>
        <source>Box Office — %1</source>
        <translation>박스오피스 — %1</translation>
    </message>
    <message>
        <source>%1 — Box Office — %2</source>
        <translation>%1 — 박스오피스 — %2</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>파일(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Open database…</source>
        <translation>데이터베이스 열기(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>도움말(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;User&apos;s manual</source>
        <translation>사용 설명서(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>언어(&amp;L)</translation>
    </message>
    <message>
        <source>Box Office will be in %1 from its next start (a --lang option still decides).</source>
        <translation>다음에 시작할 때부터 박스오피스가 %1(으)로 표시됩니다(--lang 옵션을 주면 그것이 우선합니다).</translation>
    </message>
    <message>
        <source>Open database</source>
        <translation>데이터베이스 열기</translation>
    </message>
    <message>
        <source>Box Office databases (*.sqlite *.db);;All files (*)</source>
        <translation>박스오피스 데이터베이스 (*.sqlite *.db);;모든 파일 (*)</translation>
    </message>
</context>
<context>
    <name>boxoffice::HelpBrowser</name>
    <message>
        <source>Box Office — User&apos;s manual</source>
        <translation>박스오피스 — 사용 설명서</translation>
    </message>
    <message>
        <source># The manual is missing

This copy of Box Office was built without its README.</source>
        <translation># 사용 설명서가 없습니다

이 박스오피스는 README 없이 빌드되었습니다.</translation>
    </message>
</context>
<context>
    <name>boxoffice::HoldPanel</name>
    <message>
        <source>Held seats</source>
        <translation>선택한 좌석</translation>
    </message>
    <message>
        <source>&amp;Release seat</source>
        <translation>좌석 반환(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Pay</source>
        <translation>결제(&amp;P)</translation>
    </message>
    <message numerus="yes">
        <source>Total: %1 (%n seat(s))</source>
        <translation>
            <numerusform>합계: %1 (%n석)</numerusform>
        </translation>
    </message>
    <message>
        <source>The seats held for the customer and the time left.</source>
        <translation>고객에게 임시 배정된 좌석과 남은 시간입니다.</translation>
    </message>
    <message>
        <source>Pay</source>
        <translation>결제</translation>
    </message>
    <message>
        <source>Pays every held seat from the customer&apos;s wallet.</source>
        <translation>임시 배정된 좌석을 모두 고객의 지갑으로 결제합니다.</translation>
    </message>
    <message>
        <source>Release seat</source>
        <translation>좌석 반환</translation>
    </message>
    <message>
        <source>Gives the chosen held seat back.</source>
        <translation>고른 임시 배정 좌석을 반환합니다.</translation>
    </message>
    <message>
        <source>Amount to charge</source>
        <translation>충전할 금액</translation>
    </message>
    <message>
        <source>What to add to the wallet before paying; the shortfall to start with.</source>
        <translation>결제 전에 지갑에 충전할 금액입니다. 처음에는 부족한 금액이 채워져 있습니다.</translation>
    </message>
    <message>
        <source>Charge and pay</source>
        <translation>충전하고 결제</translation>
    </message>
    <message>
        <source>Charges the wallet and pays the held seats; asks once to confirm.</source>
        <translation>지갑을 충전하고 임시 배정된 좌석을 결제합니다. 한 번 확인을 받습니다.</translation>
    </message>
    <message>
        <source>What the sale says now.</source>
        <translation>판매 진행 상황 안내입니다.</translation>
    </message>
    <message>
        <source>The balance is %1 short.</source>
        <translation>잔액이 %1 부족합니다.</translation>
    </message>
    <message>
        <source>The balance is %1 short. Please pay at the counter.</source>
        <translation>잔액이 %1 부족합니다. 매표소 창구에서 결제해 주세요.</translation>
    </message>
    <message>
        <source>Charge &amp;and pay</source>
        <translation>충전하고 결제(&amp;A)</translation>
    </message>
    <message>
        <source>Confirm: charge %1 and pay</source>
        <translation>확인: %1 충전하고 결제</translation>
    </message>
    <message>
        <source>The balance is %1 short. This demo kiosk can top up the wallet: no real money is taken.</source>
        <translation>잔액이 %1 부족합니다. 이 체험용 키오스크는 지갑을 충전해 드립니다. 실제 돈은 나가지 않습니다.</translation>
    </message>
    <message>
        <source>Demo top-up and pay</source>
        <translation>체험 충전하고 결제</translation>
    </message>
    <message>
        <source>Confirm: demo top-up of %1, then pay</source>
        <translation>확인: %1 체험 충전 후 결제</translation>
    </message>
</context>
<context>
    <name>boxoffice::HoldsModel</name>
    <message>
        <source>Seat %1</source>
        <translation>%1번 좌석</translation>
    </message>
    <message>
        <source>Seat</source>
        <translation>좌석</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>가격</translation>
    </message>
    <message>
        <source>Time left</source>
        <translation>남은 시간</translation>
    </message>
</context>
<context>
    <name>boxoffice::KioskStartScreen</name>
    <message>
        <source>Welcome! Buy your concert seats here.</source>
        <translation>어서 오세요! 여기에서 공연 좌석을 살 수 있습니다.</translation>
    </message>
    <message>
        <source>Member number:</source>
        <translation>회원 번호:</translation>
    </message>
    <message>
        <source>Last 4 digits of your phone:</source>
        <translation>전화번호 끝 4자리:</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>시작</translation>
    </message>
    <message>
        <source>Member number</source>
        <translation>회원 번호</translation>
    </message>
    <message>
        <source>Your member number.</source>
        <translation>회원 번호입니다.</translation>
    </message>
    <message>
        <source>Phone digits</source>
        <translation>전화번호 끝자리</translation>
    </message>
    <message>
        <source>The last four digits of your phone number.</source>
        <translation>전화번호의 끝 네 자리입니다.</translation>
    </message>
    <message>
        <source>Starts buying seats as this member.</source>
        <translation>이 회원으로 좌석 구매를 시작합니다.</translation>
    </message>
    <message>
        <source>Type your member number and the last 4 digits of your phone.</source>
        <translation>회원 번호와 전화번호 끝 4자리를 입력하세요.</translation>
    </message>
    <message>
        <source>That member number and phone do not match. Please try again.</source>
        <translation>회원 번호와 전화번호가 맞지 않습니다. 다시 입력해 주세요.</translation>
    </message>
</context>
<context>
    <name>boxoffice::KioskWindow</name>
    <message>
        <source>Box Office — Self-service</source>
        <translation>박스오피스 — 무인 발권</translation>
    </message>
    <message>
        <source>Finish</source>
        <translation>마치기</translation>
    </message>
    <message>
        <source>Ends your visit and returns to the start screen.</source>
        <translation>이용을 마치고 처음 화면으로 돌아갑니다.</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>고객</translation>
    </message>
    <message>
        <source>Who is buying, and their balance.</source>
        <translation>구매하는 고객과 잔액입니다.</translation>
    </message>
    <message>
        <source>%1 · balance %2</source>
        <translation>%1 · 잔액 %2</translation>
    </message>
</context>
<context>
    <name>boxoffice::LedgerModel</name>
    <message>
        <source>Charge</source>
        <translation>충전</translation>
    </message>
    <message>
        <source>Payment</source>
        <translation>결제</translation>
    </message>
    <message>
        <source>Refund</source>
        <translation>환불</translation>
    </message>
    <message>
        <source>When</source>
        <translation>일시</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>구분</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>금액</translation>
    </message>
    <message>
        <source>Balance after</source>
        <translation>잔액</translation>
    </message>
</context>
<context>
    <name>boxoffice::MainWindow</name>
    <message>
        <source>Box Office</source>
        <translation>박스오피스</translation>
    </message>
    <message>
        <source>&amp;New customer…</source>
        <translation>신규 고객(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Wallet…</source>
        <translation>지갑(&amp;W)…</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>파일(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>종료(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Customer</source>
        <translation>고객(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Find customer</source>
        <translation>고객 찾기(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Sale</source>
        <translation>판매(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Join queue</source>
        <translation>대기열 참여(&amp;J)</translation>
    </message>
    <message>
        <source>Go to &amp;seat map</source>
        <translation>좌석 배치도로 이동(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Pay</source>
        <translation>결제(&amp;P)</translation>
    </message>
    <message>
        <source>Zoom &amp;in</source>
        <translation>확대(&amp;I)</translation>
    </message>
    <message>
        <source>Zoom &amp;out</source>
        <translation>축소(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>도움말(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Help and about</source>
        <translation>도움말 및 정보(&amp;H)</translation>
    </message>
    <message>
        <source>About Box Office</source>
        <translation>박스오피스 정보</translation>
    </message>
    <message>
        <source>Box Office sells concert seats.

1. Find the customer (Ctrl+F) or add one (Ctrl+N).
2. Choose a concert and join its queue (Ctrl+J).
3. When admitted, choose a date and seats (arrows, Space).
4. Charge the wallet if needed (Ctrl+B) and pay (Ctrl+P).

Database: %1</source>
        <translation>박스오피스는 공연 좌석을 판매합니다.

1. 고객을 찾거나(Ctrl+F) 새로 등록합니다(Ctrl+N).
2. 공연을 고르면 대기열에 참여합니다(Ctrl+J).
3. 차례가 되면 날짜와 좌석을 고릅니다(화살표, Space).
4. 필요하면 지갑을 충전하고(Ctrl+B) 결제합니다(Ctrl+P).

데이터베이스: %1</translation>
    </message>
    <message>
        <source>Find or add a customer first.</source>
        <translation>먼저 고객을 찾거나 등록하세요.</translation>
    </message>
    <message>
        <source>C&amp;harge and pay</source>
        <translation>충전하고 결제(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Purchases and refunds…</source>
        <translation>구매 및 환불(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Door</source>
        <translation>입장(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Check-in screen…</source>
        <translation>입장 확인 화면(&amp;C)…</translation>
    </message>
    <message>
        <source>Signed in: %1</source>
        <translation>근무자: %1</translation>
    </message>
    <message>
        <source>Counter</source>
        <translation>매표소</translation>
    </message>
</context>
<context>
    <name>boxoffice::NewCustomerDialog</name>
    <message>
        <source>New customer</source>
        <translation>신규 고객</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>이름(&amp;N):</translation>
    </message>
    <message>
        <source>&amp;Phone:</source>
        <translation>전화번호(&amp;P):</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>이름</translation>
    </message>
    <message>
        <source>The new customer&apos;s name.</source>
        <translation>새 고객의 이름입니다.</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>전화번호</translation>
    </message>
    <message>
        <source>The new customer&apos;s phone number, for example 010-1234-5678.</source>
        <translation>새 고객의 전화번호입니다 (예: 010-1234-5678).</translation>
    </message>
</context>
<context>
    <name>boxoffice::PaymentTicketsModel</name>
    <message>
        <source>Valid</source>
        <translation>유효</translation>
    </message>
    <message>
        <source>Checked in %1</source>
        <translation>%1 입장함</translation>
    </message>
    <message>
        <source>Refunded</source>
        <translation>환불됨</translation>
    </message>
    <message>
        <source>Replaced by a reissued ticket</source>
        <translation>재발급된 티켓으로 바뀜</translation>
    </message>
    <message>
        <source>Seat %1 — %2</source>
        <translation>%1번 좌석 — %2</translation>
    </message>
</context>
<context>
    <name>boxoffice::PerformanceChooser</name>
    <message>
        <source>Open the door</source>
        <translation>입장 시작</translation>
    </message>
    <message>
        <source>Which performance is this door for? Tickets for any other one are turned away.</source>
        <translation>이 입구는 어느 공연 회차를 위한 것입니까? 다른 회차의 티켓은 입장할 수 없습니다.</translation>
    </message>
    <message>
        <source>&amp;Concert</source>
        <translation>공연(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Date</source>
        <translation>날짜(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Open check-in</source>
        <translation>입장 확인 열기(&amp;O)</translation>
    </message>
    <message>
        <source>Concert</source>
        <translation>공연</translation>
    </message>
    <message>
        <source>The concert whose audience comes in here.</source>
        <translation>이 입구로 관객이 들어오는 공연입니다.</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>날짜</translation>
    </message>
    <message>
        <source>The performance this door lets in.</source>
        <translation>이 입구에서 입장시키는 공연 회차입니다.</translation>
    </message>
</context>
<context>
    <name>boxoffice::PurchasesModel</name>
    <message>
        <source>Refunded %1</source>
        <translation>%1 환불됨</translation>
    </message>
    <message>
        <source>Checked in %1</source>
        <translation>%1 입장함</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>결제 완료</translation>
    </message>
    <message>
        <source>No. %1</source>
        <translation>%1번</translation>
    </message>
    <message>
        <source>Payment</source>
        <translation>결제</translation>
    </message>
    <message>
        <source>Concert</source>
        <translation>공연</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>날짜</translation>
    </message>
    <message>
        <source>Seat</source>
        <translation>좌석</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>가격</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>상태</translation>
    </message>
</context>
<context>
    <name>boxoffice::QueueModel</name>
    <message>
        <source>Waiting</source>
        <translation>대기 중</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>만료</translation>
    </message>
    <message>
        <source>%1 left</source>
        <translation>%1 남음</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>고객</translation>
    </message>
    <message>
        <source>Concert</source>
        <translation>공연</translation>
    </message>
    <message>
        <source>State</source>
        <translation>상태</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>순번</translation>
    </message>
    <message>
        <source>Choosing seats</source>
        <translation>좌석 선택 중</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>결제 완료</translation>
    </message>
    <message>
        <source>Time</source>
        <extracomment>The queue table&apos;s last column: the wait, or the time left to buy.</extracomment>
        <translation>시간</translation>
    </message>
</context>
<context>
    <name>boxoffice::QueuePanel</name>
    <message>
        <source>Queue</source>
        <translation>대기열</translation>
    </message>
    <message>
        <source>State:</source>
        <translation>상태:</translation>
    </message>
    <message>
        <source>Position:</source>
        <translation>순번:</translation>
    </message>
    <message>
        <source>Wait / time left:</source>
        <translation>대기 / 남은 시간:</translation>
    </message>
    <message>
        <source>&amp;Join queue</source>
        <translation>대기열 참여(&amp;J)</translation>
    </message>
    <message>
        <source>Not in the queue</source>
        <translation>대기열에 없음</translation>
    </message>
    <message>
        <source>Choose a customer and a concert</source>
        <translation>고객과 공연을 선택하세요</translation>
    </message>
    <message>
        <source>%1 (next to enter: 1)</source>
        <translation>%1번째 (다음 차례: 1번)</translation>
    </message>
    <message>
        <source>about %1</source>
        <translation>약 %1</translation>
    </message>
    <message>
        <source>%1 left to buy</source>
        <translation>구매 가능 시간 %1 남음</translation>
    </message>
    <message>
        <source>&amp;Join queue again</source>
        <translation>대기열 다시 참여(&amp;J)</translation>
    </message>
    <message>
        <source>Join queue</source>
        <translation>대기열 참여</translation>
    </message>
    <message>
        <source>Puts the customer in the concert&apos;s waiting queue.</source>
        <translation>고객을 공연의 대기열에 참여시킵니다.</translation>
    </message>
    <message>
        <source>Everyone queued here</source>
        <translation>이 단말기의 대기 고객</translation>
    </message>
    <message>
        <source>Every customer this terminal put in a queue, with their place and time.</source>
        <translation>이 단말기에서 대기열에 참여시킨 모든 고객과 순번, 남은 시간입니다.</translation>
    </message>
    <message>
        <source>Queue state</source>
        <translation>대기 상태</translation>
    </message>
    <message>
        <source>Where the customer stands in the queue.</source>
        <translation>고객의 대기열 상태입니다.</translation>
    </message>
    <message>
        <source>Queue position</source>
        <translation>대기 순번</translation>
    </message>
    <message>
        <source>1 is the next to be let in.</source>
        <translation>1번이 다음 차례입니다.</translation>
    </message>
    <message>
        <source>Wait or time left</source>
        <translation>대기 시간 또는 남은 시간</translation>
    </message>
    <message>
        <source>The expected wait, or the time left to buy once let in.</source>
        <translation>예상 대기 시간, 또는 차례가 된 뒤 구매할 수 있는 남은 시간입니다.</translation>
    </message>
    <message>
        <source>%1 (#%2) may now choose seats for %3.</source>
        <translation>%1(#%2) 고객님 차례입니다: 이제 %3 좌석을 고를 수 있습니다.</translation>
    </message>
    <message>
        <source>Your turn</source>
        <translation>고객 차례</translation>
    </message>
</context>
<context>
    <name>boxoffice::RecentDatabasesMenu</name>
    <message>
        <source>Open &amp;recent</source>
        <translation>최근 데이터베이스(&amp;R)</translation>
    </message>
    <message>
        <source>%1 is no longer there.</source>
        <translation>%1 파일이 더 이상 없습니다.</translation>
    </message>
    <message>
        <source>No other database opened yet</source>
        <translation>아직 연 다른 데이터베이스가 없습니다</translation>
    </message>
</context>
<context>
    <name>boxoffice::SaleSession</name>
    <message>
        <source>Seat %1: under 30 seconds left to pay.</source>
        <translation>%1번 좌석: 결제할 시간이 30초도 남지 않았습니다.</translation>
    </message>
    <message>
        <source>Enter your member number to start.</source>
        <translation>회원번호를 입력하면 시작합니다.</translation>
    </message>
    <message>
        <source>Find or add a customer to choose seats.</source>
        <translation>좌석을 고르려면 고객을 찾거나 등록하세요.</translation>
    </message>
    <message>
        <source>Choose a concert.</source>
        <translation>공연을 선택하세요.</translation>
    </message>
    <message>
        <source>Choose a concert to join its queue.</source>
        <translation>공연을 고르면 대기열에 참여합니다.</translation>
    </message>
    <message>
        <source>Join the queue to choose seats (Ctrl+J).</source>
        <translation>좌석을 고르려면 대기열에 참여하세요 (Ctrl+J).</translation>
    </message>
    <message>
        <source>Paid. Join the queue again to buy more seats.</source>
        <translation>결제가 끝났습니다. 좌석을 더 사려면 대기열에 다시 참여하세요.</translation>
    </message>
    <message>
        <source>The queue token expired. Join the queue again.</source>
        <translation>대기열 토큰이 만료되었습니다. 대기열에 다시 참여하세요.</translation>
    </message>
    <message>
        <source>Waiting in the queue: number %1. Seats open when admitted.</source>
        <translation>대기 중: %1번째. 차례가 되면 좌석을 고를 수 있습니다.</translation>
    </message>
    <message>
        <source>Choose a date.</source>
        <translation>날짜를 선택하세요.</translation>
    </message>
    <message>
        <source>Choose a customer and a concert first.</source>
        <translation>먼저 고객과 공연을 선택하세요.</translation>
    </message>
    <message>
        <source>%1 is number %2 in the queue.</source>
        <translation>%1 고객님의 대기 순번은 %2번입니다.</translation>
    </message>
    <message>
        <source>Seat %1 held until %2.</source>
        <translation>%1번 좌석을 %2까지 임시 배정했습니다.</translation>
    </message>
    <message>
        <source>Seat released.</source>
        <translation>좌석을 반환했습니다.</translation>
    </message>
    <message>
        <source>Hold at least one seat first.</source>
        <translation>먼저 좌석을 하나 이상 선택하세요.</translation>
    </message>
    <message>
        <source>The balance is %1 short of the total.</source>
        <translation>잔액이 합계보다 %1 부족합니다.</translation>
    </message>
    <message>
        <source>Paid %1. Payment number %2.</source>
        <translation>%1 결제 완료. 결제번호 %2.</translation>
    </message>
    <message numerus="yes">
        <source>Payment %1 complete: %n seat(s) sold.</source>
        <translation>
            <numerusform>결제 %1 완료: %n석 판매.</numerusform>
        </translation>
    </message>
    <message>
        <source>Charged %1. New balance: %2.</source>
        <translation>%1 충전 완료. 새 잔액: %2.</translation>
    </message>
    <message numerus="yes">
        <source>The hold on seat(s) %1 ran out of time; they are free again.</source>
        <translation>
            <numerusform>%1번 좌석의 임시 배정 시간이 끝나 다시 예약 가능한 좌석이 되었습니다.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (#%2) may now choose seats for %3.</source>
        <translation>%1(#%2) 고객님 차례입니다: 이제 %3 좌석을 고를 수 있습니다.</translation>
    </message>
</context>
<context>
    <name>boxoffice::ScheduleListModel</name>
    <message numerus="yes">
        <source>%1 · %Ln seat(s) left</source>
        <extracomment>A performance in the list: its date and time, then how many seats are left.</extracomment>
        <translation>
            <numerusform>%1 · 잔여 %Ln석</numerusform>
        </translation>
    </message>
    <message>
        <source>%L1 of %L2 seats available</source>
        <translation>%L2석 중 %L1석 예약 가능</translation>
    </message>
</context>
<context>
    <name>boxoffice::SeatMapModel</name>
    <message>
        <source>Available</source>
        <translation>예약 가능</translation>
    </message>
    <message>
        <source>Held for this customer</source>
        <translation>이 고객이 선택함</translation>
    </message>
    <message>
        <source>Held by another customer</source>
        <translation>다른 고객이 선택함</translation>
    </message>
    <message>
        <source>Sold</source>
        <translation>판매 완료</translation>
    </message>
    <message>
        <source>Seat %1 · %2 · %3 · %4</source>
        <extracomment>Seat tooltip: seat label, tier, price, state.</extracomment>
        <translation>%1번 좌석 · %2석 · %3 · %4</translation>
    </message>
</context>
<context>
    <name>boxoffice::SeatMapPanel</name>
    <message>
        <source>Seats</source>
        <translation>좌석</translation>
    </message>
    <message>
        <source>Seats (Ctrl+M; arrows move, Space holds, Ctrl +/- zooms)</source>
        <translation>좌석 (Ctrl+M; 화살표로 이동, Space로 선택, Ctrl +/-로 확대·축소)</translation>
    </message>
    <message>
        <source>Go to seat, e.g. H-25-65</source>
        <translation>좌석으로 이동 (예: H-25-65)</translation>
    </message>
    <message>
        <source>Go to seat</source>
        <translation>좌석으로 이동</translation>
    </message>
    <message>
        <source>Type a seat as its ticket names it and press Enter.</source>
        <translation>티켓에 적힌 좌석 번호를 입력하고 Enter를 누르세요.</translation>
    </message>
    <message>
        <source>There is no seat &quot;%1&quot; on this map.</source>
        <translation>이 배치도에 &quot;%1&quot; 좌석이 없습니다.</translation>
    </message>
    <message>
        <source>%L1 of %L2 seats available</source>
        <translation>%L2석 중 %L1석 예약 가능</translation>
    </message>
</context>
<context>
    <name>boxoffice::SeatMapView</name>
    <message>
        <source>Choose a concert and a date.</source>
        <translation>공연과 날짜를 선택하세요.</translation>
    </message>
    <message>
        <source>STAGE</source>
        <translation>무대</translation>
    </message>
    <message>
        <source>Seat %1</source>
        <translation>%1번 좌석</translation>
    </message>
    <message>
        <source>%1 · %2 · %3</source>
        <extracomment>Read out for a seat: its tier, price and state.</extracomment>
        <translation>%1 · %2 · %3</translation>
    </message>
    <message>
        <source>Section %1</source>
        <translation>%1구역</translation>
    </message>
    <message>
        <source>Seat map</source>
        <translation>좌석 배치도</translation>
    </message>
    <message>
        <source>Arrow keys move between seats; Space holds or releases one.</source>
        <translation>화살표 키로 좌석 사이를 이동하고 Space로 좌석을 선택하거나 반환합니다.</translation>
    </message>
</context>
<context>
    <name>boxoffice::SeatOverview</name>
    <message>
        <source>Venue overview</source>
        <translation>공연장 전체 보기</translation>
    </message>
    <message>
        <source>Every section with how many seats are free; click a section to show it on the map.</source>
        <translation>구역마다 남은 좌석이 색의 진하기로 보입니다. 구역을 누르면 배치도에서 그 구역을 보여 줍니다.</translation>
    </message>
</context>
<context>
    <name>boxoffice::SignInDialog</name>
    <message>
        <source>Sign in</source>
        <translation>근무 시작</translation>
    </message>
    <message>
        <source>Who is working at this terminal? Your name is recorded with every charge, sale, refund and check-in you make.</source>
        <translation>이 단말기에서 누가 근무합니까? 충전, 판매, 환불, 입장 확인을 할 때마다 이름이 기록됩니다.</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>이름</translation>
    </message>
    <message>
        <source>&amp;Sign in</source>
        <translation>근무 시작(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>종료(&amp;Q)</translation>
    </message>
    <message>
        <source>The name your actions are recorded under.</source>
        <translation>작업 기록에 남는 이름입니다.</translation>
    </message>
</context>
<context>
    <name>boxoffice::StatusLine</name>
    <message>
        <source>Database: %1</source>
        <translation>데이터베이스: %1</translation>
    </message>
    <message>
        <source>The database is back.</source>
        <translation>데이터베이스에 다시 연결되었습니다.</translation>
    </message>
</context>
<context>
    <name>boxoffice::TicketsPanel</name>
    <message>
        <source>Tickets</source>
        <translation>티켓</translation>
    </message>
    <message>
        <source>P&amp;rint…</source>
        <translation>인쇄(&amp;R)…</translation>
    </message>
    <message>
        <source>Save as P&amp;DF…</source>
        <translation>PDF로 저장(&amp;D)…</translation>
    </message>
    <message>
        <source>Re&amp;print</source>
        <translation>다시 인쇄(&amp;P)</translation>
    </message>
    <message>
        <source>Re&amp;issue</source>
        <translation>재발급(&amp;I)</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>완료</translation>
    </message>
    <message>
        <source>The payment&apos;s tickets, one per seat.</source>
        <translation>결제한 티켓입니다. 좌석마다 한 장입니다.</translation>
    </message>
    <message>
        <source>Ticket QR code</source>
        <translation>티켓 QR 코드</translation>
    </message>
    <message>
        <source>The chosen ticket&apos;s code as a QR symbol.</source>
        <translation>선택한 티켓의 코드를 QR 기호로 보여 줍니다.</translation>
    </message>
    <message>
        <source>Print tickets</source>
        <translation>티켓 인쇄</translation>
    </message>
    <message>
        <source>Prints every ticket of the payment.</source>
        <translation>이 결제의 티켓을 모두 인쇄합니다.</translation>
    </message>
    <message>
        <source>Save tickets as PDF</source>
        <translation>티켓을 PDF로 저장</translation>
    </message>
    <message>
        <source>Saves every ticket of the payment in one PDF, one ticket a page.</source>
        <translation>이 결제의 티켓을 한 PDF 파일에 한 장씩 저장합니다.</translation>
    </message>
    <message>
        <source>Reprint ticket</source>
        <translation>티켓 다시 인쇄</translation>
    </message>
    <message>
        <source>Prints the chosen ticket again, same code.</source>
        <translation>선택한 티켓을 같은 코드로 다시 인쇄합니다.</translation>
    </message>
    <message>
        <source>Reissue ticket</source>
        <translation>티켓 재발급</translation>
    </message>
    <message>
        <source>Gives the chosen seat a new code; the old one no longer gets in. Asks once to confirm, on the button itself.</source>
        <translation>선택한 좌석에 새 코드를 발급합니다. 이전 코드로는 더 이상 입장할 수 없습니다. 버튼에서 한 번 확인을 받습니다.</translation>
    </message>
    <message numerus="yes">
        <source>Payment No. %1: %n ticket(s)</source>
        <translation>
            <numerusform>결제번호 %1: 티켓 %n장</numerusform>
        </translation>
    </message>
    <message>
        <source>No payment chosen</source>
        <translation>선택한 결제 없음</translation>
    </message>
    <message>
        <source>Not valid</source>
        <translation>사용할 수 없음</translation>
    </message>
    <message>
        <source>Seat %1</source>
        <translation>%1번 좌석</translation>
    </message>
    <message>
        <source>Issue %1</source>
        <translation>%1차 발급</translation>
    </message>
    <message>
        <source>Tickets, payment No. %1</source>
        <translation>티켓, 결제번호 %1</translation>
    </message>
    <message numerus="yes">
        <source>Sent %n ticket(s) to the printer.</source>
        <translation>
            <numerusform>티켓 %n장을 프린터로 보냈습니다.</numerusform>
        </translation>
    </message>
    <message>
        <source>Printed seat %1 again (the same code).</source>
        <translation>%1번 좌석을 같은 코드로 다시 인쇄했습니다.</translation>
    </message>
    <message>
        <source>tickets-payment-%1.pdf</source>
        <translation>티켓-결제-%1.pdf</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message numerus="yes">
        <source>Saved %n ticket(s) in %1.</source>
        <translation>
            <numerusform>티켓 %n장을 %1에 저장했습니다.</numerusform>
        </translation>
    </message>
    <message>
        <source>Confirm: new code for seat %1</source>
        <translation>확인: %1번 좌석 새 코드 발급</translation>
    </message>
    <message>
        <source>Seat %1&apos;s current code will no longer get in at the door.</source>
        <translation>%1번 좌석의 현재 코드로는 더 이상 입장할 수 없게 됩니다.</translation>
    </message>
    <message>
        <source>Seat %1 has a new ticket (issue %2); print it for the customer.</source>
        <translation>%1번 좌석에 새 티켓(%2차 발급)이 나왔습니다. 고객에게 인쇄해 드리세요.</translation>
    </message>
    <message>
        <source>Done with the tickets</source>
        <translation>티켓 확인 완료</translation>
    </message>
    <message>
        <source>Puts the tickets away and shows the seat map again.</source>
        <translation>티켓 화면을 닫고 좌석 배치도를 다시 보여 줍니다.</translation>
    </message>
</context>
<context>
    <name>boxoffice::WalletDialog</name>
    <message>
        <source>Wallet</source>
        <translation>지갑</translation>
    </message>
    <message>
        <source>e.g. 50,000</source>
        <translation>예: 50,000</translation>
    </message>
    <message>
        <source>Charge &amp;amount (KRW):</source>
        <translation>충전 금액(&amp;A, 원):</translation>
    </message>
    <message>
        <source>&amp;Charge</source>
        <translation>충전(&amp;C)</translation>
    </message>
    <message>
        <source>History</source>
        <translation>이용 내역</translation>
    </message>
    <message>
        <source>%1 (member #%2)</source>
        <translation>%1 (회원 #%2)</translation>
    </message>
    <message>
        <source>Balance: %1</source>
        <translation>잔액: %1</translation>
    </message>
    <message>
        <source>New balance after charging: %1</source>
        <translation>충전 후 잔액: %1</translation>
    </message>
    <message>
        <source>Charged %1. New balance: %2.</source>
        <translation>%1 충전 완료. 새 잔액: %2.</translation>
    </message>
    <message>
        <source>Charge %1</source>
        <translation>%1 충전</translation>
    </message>
    <message>
        <source>Fills in this amount.</source>
        <translation>이 금액을 입력합니다.</translation>
    </message>
    <message>
        <source>Charge amount</source>
        <translation>충전 금액</translation>
    </message>
    <message>
        <source>Whole won from 1 to %L1 per charge.</source>
        <translation>한 번에 1원부터 %L1원까지 원 단위로 충전할 수 있습니다.</translation>
    </message>
    <message>
        <source>Charge</source>
        <translation>충전</translation>
    </message>
    <message>
        <source>Adds the amount to the wallet.</source>
        <translation>금액을 지갑에 충전합니다.</translation>
    </message>
    <message>
        <source>Wallet history</source>
        <translation>지갑 내역</translation>
    </message>
    <message>
        <source>Every charge, payment and refund, newest first.</source>
        <translation>모든 충전, 결제, 환불 내역입니다 (최근 순).</translation>
    </message>
    <message>
        <source>Balance</source>
        <translation>잔액</translation>
    </message>
    <message>
        <source>What the wallet holds now.</source>
        <translation>지갑의 현재 잔액입니다.</translation>
    </message>
    <message>
        <source>Charges are whole won from 1 to %L1 each; a balance may hold at most %L2.</source>
        <translation>충전은 한 번에 1원부터 %L1원까지 원 단위로 할 수 있고, 잔액은 최대 %L2원까지입니다.</translation>
    </message>
    <message>
        <source>After this charge the balance would be %1; the most a balance may hold is %2.</source>
        <translation>이 금액을 충전하면 잔액이 %1이 됩니다. 잔액은 최대 %2까지입니다.</translation>
    </message>
</context>
</TS>
