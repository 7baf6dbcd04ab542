package io.donutstates.loadgen;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class WorkloadTest {

    @Test
    void salesAreClassifiedByStatusAndOutOfStockBody() throws UsageException {
        Workload w = workload("--scenario", "flash-crowd");

        assertThat(w.classify(201, body("{\"id\":1,\"status\":\"SOLD\"}"))).isEqualTo(Outcome.SOLD);
        assertThat(w.classify(409, body("{\"status\":\"OUT_OF_STOCK\",\"sku\":\"CP-502101\"}"))).isEqualTo(Outcome.OUT_OF_STOCK);
        assertThat(w.classify(409, body("{\"status\":\"DUPLICATE\"}"))).isEqualTo(Outcome.ERROR);
        assertThat(w.classify(500, body("{\"message\":\"boom\"}"))).isEqualTo(Outcome.ERROR);
        assertThat(w.classify(404, body("{}"))).isEqualTo(Outcome.ERROR);
        assertThat(w.classify(200, body("{}"))).isEqualTo(Outcome.ERROR);
        assertThat(w.errorKind(500)).isEqualTo("HTTP 500");
        assertThat(w.errorKind(409)).isEqualTo("HTTP 409 (not OUT_OF_STOCK)");
    }

    @Test
    void legacySendIsClassifiedByItsBody() throws UsageException {
        Workload w = workload("--scenario", "legacy-send");

        assertThat(w.classify(200, body("{\"message\":\"판매완료\"}"))).isEqualTo(Outcome.SOLD);
        assertThat(w.classify(200, body("{\"message\":\"재고부족, 제품 생산 요청!\"}"))).isEqualTo(Outcome.OUT_OF_STOCK);
        assertThat(w.classify(200, body("{\"message\":\"뭔가 이상함\"}"))).isEqualTo(Outcome.ERROR);
        assertThat(w.classify(500, body("{\"message\":\"판매완료\"}"))).isEqualTo(Outcome.ERROR);
        assertThat(w.errorKind(200)).isEqualTo("HTTP 200 (unrecognised body)");
    }

    @Test
    void rendersEveryQuantityForEverySkuAndEndpoint() throws UsageException {
        Options o = OptionsParser.parse("--url", "http://127.0.0.1:1,http://127.0.0.1:2", "--quantity", "2-4");
        Workload w = new Workload(o, List.of("A", "B"), new SocketTransport(Duration.ofSeconds(1)));

        String first = wire(w.request(0, 0));
        String last = wire(w.request(1, 5));
        assertThat(first).startsWith("POST /api/sales HTTP/1.1\r\nHost: 127.0.0.1:1\r\n").endsWith("{\"sku\":\"A\",\"quantity\":2}");
        assertThat(last).contains("Host: 127.0.0.1:2\r\n").endsWith("{\"sku\":\"B\",\"quantity\":4}");
        assertThat(w.skuIndex(5)).isEqualTo(1);
        assertThat(w.quantityOf(5)).isEqualTo(4);
        for (int i = 0; i < 100; i++) {
            assertThat(w.pick()).isBetween(0, 5);
        }
    }

    @Test
    void legacyBodyNamesProductAndFactory() throws UsageException {
        Options o = OptionsParser.parse("--scenario", "legacy-send", "--sku", "CP-1", "--factory-id", "FF-9", "--quantity", "5");
        Workload w = new Workload(o, List.of("CP-1"), new SocketTransport(Duration.ofSeconds(1)));

        assertThat(wire(w.request(0, 0))).startsWith("POST /send HTTP/1.1\r\n")
                .contains("\"MessageGroupId\":\"stock-empty-group\"", "\"subject\":\"부산도너츠 재고 부족\"",
                        "\"MessageAttributeProductId\":\"CP-1\"", "\"MessageAttributeFactoryId\":\"FF-9\"");
        assertThat(w.quantityOf(0)).isEqualTo(1);
    }

    private static Workload workload(String... args) throws UsageException {
        return new Workload(OptionsParser.parse(args), List.of("CP-502101"), new SocketTransport(Duration.ofSeconds(1)));
    }

    private static String wire(PreparedRequest r) {
        return new String(((SocketTransport.WireRequest) r).bytes(), StandardCharsets.UTF_8);
    }

    private static HttpConnection body(String text) {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        return new HttpConnection() {
            @Override
            public int exchange(PreparedRequest request) {
                throw new UnsupportedOperationException();
            }

            @Override
            public boolean bodyContains(byte[] needle) {
                return Bytes.contains(b, b.length, needle);
            }

            @Override
            public void close() {
            }
        };
    }
}
