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
