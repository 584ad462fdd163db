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
        <translation><numerusform>합계: %1 (%n석)</numerusform></translation>
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
        <source>Box Office — Self-service</source>
        <translation>박스오피스 — 무인 발권</translation>
    </message>
    <message>
        <source>Box Office</source>
        <translation>박스오피스</translation>
    </message>
    <message>
        <source>%1 (#%2) may now choose seats for %3.</source>
        <translation>%1(#%2) 고객님이 입장했습니다: %3 좌석을 선택할 수 있습니다.</translation>
    </message>
    <message numerus="yes">
        <source>%n hold(s) ran out of time; the seat(s) are free again.</source>
        <translation><numerusform>임시 배정 %n건의 시간이 만료되어 좌석이 반환되었습니다.</numerusform></translation>
    </message>
    <message>
        <source>Member &amp;number:</source>
        <translation>회원번호(&amp;N):</translation>
    </message>
    <message>
        <source>&amp;Customer:</source>
        <translation>고객(&amp;C):</translation>
    </message>
    <message>
        <source>Your member number</source>
        <translation>회원번호를 입력하세요</translation>
    </message>
    <message>
        <source>Number, name or phone (Ctrl+F)</source>
        <translation>회원번호, 이름 또는 전화번호 (Ctrl+F)</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>시작</translation>
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
        <source>C&amp;oncerts</source>
        <translation>공연(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Dates</source>
        <translation>날짜(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Seats (arrows move, Space holds, Ctrl +/- zooms)</source>
        <translation>좌석(&amp;S) (화살표 이동, Space 선택, Ctrl +/- 확대·축소)</translation>
    </message>
    <message>
        <source>Database: %1</source>
        <translation>데이터베이스: %1</translation>
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
        <translation>대기열 입장(&amp;J)</translation>
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
2. 공연을 고르고 대기열에 입장합니다(Ctrl+J).
3. 입장하면 날짜와 좌석을 고릅니다(화살표, Space).
4. 필요하면 지갑을 충전하고(Ctrl+B) 결제합니다(Ctrl+P).

데이터베이스: %1</translation>
    </message>
    <message>
        <source>No member with number "%1".</source>
        <translation>회원번호 "%1"인 회원이 없습니다.</translation>
    </message>
    <message>
        <source>No customer matches "%1".</source>
        <translation>"%1"에 해당하는 고객이 없습니다.</translation>
    </message>
    <message numerus="yes">
        <source>%n customer(s) match; pick one from the list.</source>
        <translation><numerusform>고객 %n명이 검색되었습니다. 목록에서 선택하세요.</numerusform></translation>
    </message>
    <message>
        <source>No customer selected</source>
        <translation>선택된 고객 없음</translation>
    </message>
    <message>
        <source>%1 (#%2) · %3 · balance %4</source>
        <translation>%1 (#%2) · %3 · 잔액 %4</translation>
    </message>
    <message>
        <source>Added %1 as member #%2.</source>
        <translation>%1 고객님을 회원 #%2(으)로 등록했습니다.</translation>
    </message>
    <message>
        <source>Find or add a customer first.</source>
        <translation>먼저 고객을 찾거나 등록하세요.</translation>
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
        <source>Join the queue to choose seats (Ctrl+J).</source>
        <translation>좌석을 고르려면 대기열에 입장하세요 (Ctrl+J).</translation>
    </message>
    <message>
        <source>Paid. Join the queue again to buy more seats.</source>
        <translation>결제가 끝났습니다. 좌석을 더 사려면 대기열에 다시 입장하세요.</translation>
    </message>
    <message>
        <source>The queue token expired. Join the queue again.</source>
        <translation>대기열 토큰이 만료되었습니다. 대기열에 다시 입장하세요.</translation>
    </message>
    <message>
        <source>Waiting in the queue: number %1. Seats open when admitted.</source>
        <translation>대기 중: %1번째. 입장하면 좌석을 고를 수 있습니다.</translation>
    </message>
    <message>
        <source>Choose a date.</source>
        <translation>날짜를 선택하세요.</translation>
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
        <source>Insufficient balance</source>
        <translation>잔액 부족</translation>
    </message>
    <message>
        <source>The balance is %1 short. Charge the wallet now?</source>
        <translation>잔액이 %1 부족합니다. 지금 충전하시겠습니까?</translation>
    </message>
    <message>
        <source>Paid %1. Payment number %2.</source>
        <translation>%1 결제 완료. 결제번호 %2.</translation>
    </message>
    <message numerus="yes">
        <source>Payment %1 complete: %n seat(s) sold.</source>
        <translation><numerusform>결제 %1 완료: %n석 판매.</numerusform></translation>
    </message>
    <message>
        <source>%L1 of %L2 seats available</source>
        <translation>%L2석 중 %L1석 예약 가능</translation>
    </message>
    <message>
        <source>The database is back.</source>
        <translation>데이터베이스에 다시 연결되었습니다.</translation>
    </message>
</context>
<context>
    <name>boxoffice::QueueModel</name>
    <message>
        <source>Used (paid)</source>
        <translation>사용됨 (결제 완료)</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>대기 중</translation>
    </message>
    <message>
        <source>Admitted</source>
        <translation>입장</translation>
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
        <source>Wait / time left</source>
        <translation>대기 / 남은 시간</translation>
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
        <translation>대기열 입장(&amp;J)</translation>
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
        <translation>%1번째 (다음 입장: 1번)</translation>
    </message>
    <message>
        <source>about %1</source>
        <translation>약 %1</translation>
    </message>
    <message>
        <source>Admitted</source>
        <translation>입장</translation>
    </message>
    <message>
        <source>%1 left to buy</source>
        <translation>구매 가능 시간 %1 남음</translation>
    </message>
    <message>
        <source>&amp;Join queue again</source>
        <translation>대기열 다시 입장(&amp;J)</translation>
    </message>
</context>
<context>
    <name>boxoffice::ScheduleListModel</name>
    <message numerus="yes">
        <source>%1 · %Ln seat(s) left</source>
        <extracomment>A performance in the list: its date and time, then how many seats are left.</extracomment>
        <translation><numerusform>%1 · 잔여 %Ln석</numerusform></translation>
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
    <name>boxoffice::SeatMapView</name>
    <message>
        <source>Choose a concert and a date.</source>
        <translation>공연과 날짜를 선택하세요.</translation>
    </message>
    <message>
        <source>STAGE</source>
        <translation>무대</translation>
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
        <source>Charges are whole won from 1 to 1,000,000 each; a balance may hold at most 10,000,000.</source>
        <translation>1회 충전은 1원 이상 1,000,000원 이하의 정수이며, 잔액은 최대 10,000,000원입니다.</translation>
    </message>
    <message>
        <source>After this charge the balance would be %1; the most a balance may hold is 10,000,000 KRW.</source>
        <translation>충전하면 잔액이 %1이(가) 됩니다. 잔액은 최대 10,000,000원까지 가능합니다.</translation>
    </message>
    <message>
        <source>New balance after charging: %1</source>
        <translation>충전 후 잔액: %1</translation>
    </message>
    <message>
        <source>Charged %1. New balance: %2.</source>
        <translation>%1 충전 완료. 새 잔액: %2.</translation>
    </message>
</context>
</TS>