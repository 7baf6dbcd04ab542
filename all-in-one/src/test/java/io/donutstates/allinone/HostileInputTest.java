package io.donutstates.allinone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.donutstates.factory.simulator.OrderSnapshot;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Malformed and hostile requests against every public endpoint, one row each: every one is answered
 * with the exact 4xx of the contract, as JSON with a message and without a stack trace or a Java or
 * library name (a row may also name the field its message must mention), and changes nothing (catalog
 * and stocks, replenishments, the ledger and the backorders of CP-502101 are the same before and after).
 */
class HostileInputTest {

    @RegisterExtension
    static final TestShop shop = TestShop.withDefaults(
            // The factory accepts orders but never calls back, so the callback URL it was given stays usable
            // and the replenishment stays ORDERED for the whole run (no re-order sweep within the deadline).
            "DONUT_FACTORY_DROP_CALLBACKS", "true",
            "DONUT_REPLENISHMENT_DEADLINE", "30m",
            "DONUT_REPLENISHMENT_REQUEUE_AFTER", "30m");

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String TOKEN = "test-admin-token";
    private static final String SKU = TestShop.SKU;
    private static final String SQL_SKU = "CP-502101'; DROP TABLE product;--";
    private static final String SQL_SKU_IN_PATH = "CP-502101'%3B%20DROP%20TABLE%20product%3B--";
    private static final String OR_1_1 = "1%20OR%201%3D1";
    private static final String LONG_SKU = "CP-" + "9".repeat(10 * 1024);
    private static final String PAD_70_KB = "x".repeat(70 * 1024);
    private static final String PAD_2_MB = "x".repeat(2 * 1024 * 1024);

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    /** The one replenishment of CP-502101: accepted by the factory, never delivered. */
    private static String replenishmentId;
    /** Its callback token, as the factory was given it. */
    private static String callbackToken;
    /** A backorder of CP-502101 waiting for that replenishment, and the secret that cancels it. */
    private static String backorderId;
    private static String backorderSecret;

    @BeforeAll
    static void an_open_replenishment_with_a_real_callback_url_and_stock_on_the_shelf() {
        assertThat(shop.setStock(SKU, 0).status()).isEqualTo(200);
        var refused = shop.buy(SKU, 1);
        assertThat(refused.status()).isEqualTo(409);
        replenishmentId = refused.json().get("replenishment").get("id").asString();
        OrderSnapshot order = await().atMost(Duration.ofSeconds(30)).until(
                () -> shop.factory().orders().stream()
                        .filter(o -> o.callbackUrl().contains(replenishmentId)).findFirst().orElse(null),
                o -> o != null);
        URI callbackUrl = URI.create(order.callbackUrl());
        assertThat(callbackUrl.getPath()).isEqualTo("/api/factory/callbacks/" + replenishmentId);
        assertThat(callbackUrl.getQuery()).startsWith("token=");
        callbackToken = callbackUrl.getQuery().substring("token=".length());
        await().atMost(Duration.ofSeconds(15)).until(() -> "ORDERED".equals(statusOf(replenishmentId)));
        // A buyer waiting for that delivery (which never comes), so that a hostile cancel would show.
        var waiting = shop.post("/api/sales", "{\"sku\":\"" + SKU + "\",\"quantity\":1,\"backorder\":true}");
        assertThat(waiting.status()).as(waiting.body()).isEqualTo(202);
        backorderId = waiting.json().get("backorder").get("id").asString();
        backorderSecret = waiting.json().get("backorder").get("secret").asString();
        await().atMost(Duration.ofSeconds(15)).until(() -> "ORDERED".equals(statusOf(replenishmentId)));
        // Stock on the shelf, so that a hostile sale that got through would show as a change.
        assertThat(shop.setStock(SKU, 5).status()).isEqualTo(200);
    }

    private static String statusOf(String id) {
        for (JsonNode r : shop.get("/api/replenishments?sku=" + SKU).json()) {
            if (id.equals(r.get("id").asString())) {
                return r.get("status").asString();
            }
        }
        return null;
    }

    // ---------------------------------------------------------------------------------------------

    /**
     * One hostile request and the exact status the contract answers it with; {@code mentions}, when
     * not null, is what the answer's message must name (the field or parameter at fault).
     */
    record Row(String name, String method, String path, String contentType, String body, List<String> headers,
               int expected, String mentions) {

        @Override
        public String toString() {
            return method + " " + (path.length() > 80 ? path.substring(0, 80) + "..." : path) + " [" + name
                    + "] -> " + expected;
        }
    }

    private static final class Rows {
        private final List<Row> rows = new ArrayList<>();

        Rows add(int expected, String name, String method, String path, String contentType, String body,
                 String... headers) {
            rows.add(new Row(name, method, path, contentType, body, List.of(headers), expected, null));
            return this;
        }

        /** The message of the row added last must name {@code field}. */
        Rows naming(String field) {
            Row last = rows.remove(rows.size() - 1);
            rows.add(new Row(last.name(), last.method(), last.path(), last.contentType(), last.body(), last.headers(),
                    last.expected(), field));
            return this;
        }

        Rows json(int expected, String name, String method, String path, String body, String... headers) {
            return add(expected, name, method, path, "application/json", body, headers);
        }

        Rows get(int expected, String name, String path) {
            return add(expected, name, "GET", path, null, null);
        }
    }

    private static String sale(String sku, String quantity) {
        return "{\"sku\":" + sku + ",\"quantity\":" + quantity + "}";
    }

    private static String quoted(String text) {
        return "\"" + text + "\"";
    }

    private static String legacy(String productId) {
        return "{\"MessageGroupId\":\"stock-empty-group\",\"subject\":\"부산도너츠 재고 부족\",\"message\":\"재고 부족\","
                + "\"MessageAttributeProductId\":" + productId + ",\"MessageAttributeFactoryId\":\"FF-500293\"}";
    }

    private static String completion(String productId, String count) {
        return "{\"MessageGroupId\":\"stock-arrival-group\",\"MessageAttributeProductId\":" + productId
                + ",\"MessageAttributeProductCnt\":" + count + ",\"MessageAttributeFactoryId\":\"FF-500293\","
                + "\"MessageAttributeRequester\":\"Donut-States\"}";
    }

    private static String completion(String count) {
        return completion(quoted(SKU), count);
    }

    /** {@code {cb}} is the open replenishment's callback path, {@code {token}} its token, {@code {id}} its id. */
    static Stream<Row> rows() {
        String bearer = "Bearer " + TOKEN;
        String cb = "/api/factory/callbacks/{id}";
        String stock = "/api/admin/products/" + SKU + "/stock";
        var r = new Rows();

        // POST /api/sales
        r.json(400, "sales: empty object", "POST", "/api/sales", "{}")
         .json(400, "sales: quantity missing", "POST", "/api/sales", "{\"sku\":\"CP-502101\"}")
         .json(400, "sales: sku missing", "POST", "/api/sales", "{\"quantity\":1}")
         .json(400, "sales: sku null", "POST", "/api/sales", sale("null", "1"))
         .json(400, "sales: quantity is a word", "POST", "/api/sales", sale(quoted(SKU), "\"many\""))
         .json(400, "sales: quantity zero", "POST", "/api/sales", sale(quoted(SKU), "0"))
         .json(400, "sales: quantity negative", "POST", "/api/sales", sale(quoted(SKU), "-3"))
         .json(400, "sales: quantity just over int range", "POST", "/api/sales", sale(quoted(SKU), "2147483648"))
         .json(400, "sales: quantity of 23 digits", "POST", "/api/sales", sale(quoted(SKU), "99999999999999999999999"))
         .json(400, "sales: quantity 1e400", "POST", "/api/sales", sale(quoted(SKU), "1e400"))
         .json(400, "sales: quantity fractional", "POST", "/api/sales", sale(quoted(SKU), "1.5"))
         .json(400, "sales: quantity boolean", "POST", "/api/sales", sale(quoted(SKU), "true"))
         .json(400, "sales: quantity '1 OR 1=1'", "POST", "/api/sales", sale(quoted(SKU), "\"1 OR 1=1\""))
         .json(400, "sales: sku is a number", "POST", "/api/sales", sale("42", "1"))
         .json(400, "sales: sku of 10 KB", "POST", "/api/sales", sale(quoted(LONG_SKU), "1"))
         .json(400, "sales: sku with SQL", "POST", "/api/sales", sale(quoted(SQL_SKU), "1"))
         .json(400, "sales: sku '1 OR 1=1'", "POST", "/api/sales", sale("\"1 OR 1=1\"", "1"))
         .json(404, "sales: unknown sku", "POST", "/api/sales", sale("\"NO-SUCH-DONUT\"", "1"))
         .json(400, "sales: malformed JSON", "POST", "/api/sales", "{\"sku\":\"CP-502101\",\"quantity\":")
         .json(400, "sales: JSON array", "POST", "/api/sales", "[" + sale(quoted(SKU), "1") + "]")
         .json(400, "sales: empty body", "POST", "/api/sales", "")
         .add(415, "sales: text/xml", "POST", "/api/sales", "text/xml",
                 "<sale><sku>CP-502101</sku><quantity>1</quantity></sale>")
         .add(415, "sales: form-urlencoded", "POST", "/api/sales", "application/x-www-form-urlencoded",
                 "sku=CP-502101&quantity=1")
         .json(400, "sales: quantity as a numeric string", "POST", "/api/sales", sale(quoted(SKU), "\"1\""))
         .json(400, "sales: quantity named twice", "POST", "/api/sales",
                 "{\"sku\":\"CP-502101\",\"quantity\":1,\"quantity\":2}")
         .json(400, "sales: sku named twice", "POST", "/api/sales",
                 "{\"sku\":\"CP-502102\",\"quantity\":1,\"sku\":\"CP-502101\"}")
         .add(415, "sales: text/plain (a cross-site form)", "POST", "/api/sales", "text/plain",
                 sale(quoted(SKU), "1"))
         .add(415, "sales: multipart form", "POST", "/api/sales", "multipart/form-data; boundary=x",
                 "--x\r\nContent-Disposition: form-data; name=\"sku\"\r\n\r\nCP-502101\r\n--x--\r\n")
         .add(415, "sales: no content type", "POST", "/api/sales", null, sale(quoted(SKU), "1"))
         .add(415, "sales: json as a parameter of text/plain", "POST", "/api/sales", "text/plain; a=application/json",
                 sale(quoted(SKU), "1"))
         .json(400, "sales: valid purchase padded over 64 KB", "POST", "/api/sales",
                 "{\"sku\":\"CP-502101\",\"quantity\":1,\"pad\":\"" + PAD_70_KB + "\"}")
         .json(400, "sales: valid purchase padded to 2 MB", "POST", "/api/sales",
                 "{\"sku\":\"CP-502101\",\"quantity\":1,\"pad\":\"" + PAD_2_MB + "\"}");

        // POST /send (legacy)
        r.json(400, "send: empty object", "POST", "/send", "{}")
         .json(400, "send: product id is a number", "POST", "/send", legacy("502101"))
         .json(400, "send: product id with SQL", "POST", "/send", legacy(quoted(SQL_SKU)))
         .json(400, "send: product id of 10 KB", "POST", "/send", legacy(quoted(LONG_SKU)))
         .json(404, "send: unknown product", "POST", "/send", legacy("\"NO-SUCH-DONUT\""))
         .json(400, "send: malformed JSON", "POST", "/send", "{\"MessageAttributeProductId\":")
         .add(415, "send: XML body", "POST", "/send", "text/xml",
                 "<MessageAttributeProductId>CP-502101</MessageAttributeProductId>")
         .add(415, "send: the legacy body as text/plain (a cross-site form)", "POST", "/send", "text/plain",
                 legacy(quoted(SKU)))
         .add(415, "send: form-urlencoded", "POST", "/send", "application/x-www-form-urlencoded",
                 "MessageAttributeProductId=CP-502101")
         .add(415, "send: no content type", "POST", "/send", null, legacy(quoted(SKU)))
         .json(400, "send: product id named twice", "POST", "/send",
                 "{\"MessageAttributeProductId\":\"CP-502102\",\"MessageAttributeProductId\":\"CP-502101\"}")
         .json(400, "send: valid body padded to 2 MB", "POST", "/send",
                 legacy(quoted(SKU)).replace("\"재고 부족\"", "\"" + PAD_2_MB + "\""));

        // GET /api/products/{sku}
        r.get(404, "product: unknown sku", "/api/products/NO-SUCH-DONUT")
         .get(400, "product: sku with SQL", "/api/products/" + SQL_SKU_IN_PATH)
         .get(400, "product: sku '1 OR 1=1'", "/api/products/" + OR_1_1)
         .get(400, "product: sku of 65 characters", "/api/products/" + "A".repeat(65))
         .get(400, "product: sku of 10 KB", "/api/products/" + LONG_SKU);

        // GET /api/products/{sku}/ledger
        r.get(404, "ledger: unknown sku", "/api/products/NO-SUCH-DONUT/ledger")
         .get(400, "ledger: sku with SQL", "/api/products/" + SQL_SKU_IN_PATH + "/ledger")
         .get(400, "ledger: limit 0", "/api/products/" + SKU + "/ledger?limit=0")
         .get(400, "ledger: limit negative", "/api/products/" + SKU + "/ledger?limit=-1")
         .get(400, "ledger: limit 1001", "/api/products/" + SKU + "/ledger?limit=1001")
         .get(400, "ledger: limit not a number", "/api/products/" + SKU + "/ledger?limit=abc")
         .get(400, "ledger: limit over int range", "/api/products/" + SKU + "/ledger?limit=99999999999")
         .get(400, "ledger: limit '1 OR 1=1'", "/api/products/" + SKU + "/ledger?limit=" + OR_1_1);

        // GET /api/replenishments?sku=&limit=
        r.get(400, "replenishments: sku with SQL", "/api/replenishments?sku=" + SQL_SKU_IN_PATH)
         .get(400, "replenishments: limit 0", "/api/replenishments?limit=0")
         .get(400, "replenishments: limit 100000", "/api/replenishments?limit=100000")
         .get(400, "replenishments: limit not a number", "/api/replenishments?limit=abc")
         .get(400, "replenishments: limit '1 OR 1=1'", "/api/replenishments?sku=" + SKU + "&limit=" + OR_1_1);

        // GET /api/replenishments/{id}
        r.get(400, "replenishment: id not a UUID", "/api/replenishments/not-a-uuid")
         .get(404, "replenishment: unknown UUID", "/api/replenishments/" + UUID.randomUUID())
         .get(400, "replenishment: id '1 OR 1=1'", "/api/replenishments/" + OR_1_1)
         .get(400, "replenishment: real id with SQL suffix", "/api/replenishments/{id}'%20OR%20'1'%3D'1")
         .get(400, "replenishment: UUID without dashes", "/api/replenishments/" + UUID.randomUUID().toString().replace("-", ""));

        // PUT /api/admin/products/{sku}/stock, with a valid token unless the row is about the token
        r.json(400, "admin stock: empty object", "PUT", stock, "{}", "Authorization", bearer)
         .json(400, "admin stock: negative", "PUT", stock, "{\"stock\":-1}", "Authorization", bearer)
         .json(400, "admin stock: over the maximum", "PUT", stock, "{\"stock\":1000001}", "Authorization", bearer)
         .json(400, "admin stock: over int range", "PUT", stock, "{\"stock\":99999999999}", "Authorization", bearer)
         .json(400, "admin stock: a word", "PUT", stock, "{\"stock\":\"ten\"}", "Authorization", bearer)
         .json(400, "admin stock: fractional", "PUT", stock, "{\"stock\":1.5}", "Authorization", bearer)
         .json(400, "admin stock: '1 OR 1=1'", "PUT", stock, "{\"stock\":\"1 OR 1=1\"}", "Authorization", bearer)
         .json(400, "admin stock: malformed JSON", "PUT", stock, "{\"stock\":", "Authorization", bearer)
         .json(400, "admin stock: a numeric string", "PUT", stock, "{\"stock\":\"7\"}", "Authorization", bearer)
         .json(400, "admin stock: named twice", "PUT", stock, "{\"stock\":7,\"stock\":8}", "Authorization", bearer)
         .json(400, "admin policy: quantity as a numeric string", "PUT", "/api/admin/products/" + SKU + "/policy",
                 "{\"reorderQuantity\":\"10\",\"reorderPoint\":2}", "Authorization", bearer)
         .json(400, "admin policy: point named twice", "PUT", "/api/admin/products/" + SKU + "/policy",
                 "{\"reorderQuantity\":10,\"reorderPoint\":2,\"reorderPoint\":3}", "Authorization", bearer)
         .json(400, "admin stock: padded over 64 KB", "PUT", stock,
                 "{\"stock\":7,\"pad\":\"" + PAD_70_KB + "\"}", "Authorization", bearer)
         .json(404, "admin stock: unknown sku", "PUT", "/api/admin/products/NO-SUCH-DONUT/stock", "{\"stock\":7}",
                 "Authorization", bearer)
         .json(400, "admin stock: sku with SQL", "PUT", "/api/admin/products/" + SQL_SKU_IN_PATH + "/stock",
                 "{\"stock\":7}", "Authorization", bearer)
         .json(401, "admin stock: no token", "PUT", stock, "{\"stock\":7}")
         .json(401, "admin stock: wrong token", "PUT", stock, "{\"stock\":7}", "Authorization", "Bearer nope")
         .json(401, "admin stock: token as query parameter", "PUT", stock + "?token=" + TOKEN, "{\"stock\":7}")
         .json(401, "admin stock: token with SQL", "PUT", stock, "{\"stock\":7}", "Authorization",
                 "Bearer ' OR '1'='1");

        // POST /api/factory/callbacks/{id}?token=
        r.json(409, "callback: valid token, another product", "POST", cb + "?token={token}",
                 completion(quoted("CP-502102"), "10"))
         .json(400, "callback: count a word", "POST", cb + "?token={token}", completion("\"ten\""))
         .json(400, "callback: count negative", "POST", cb + "?token={token}", completion("-5"))
         .json(400, "callback: count zero", "POST", cb + "?token={token}", completion("0"))
         .json(400, "callback: count huge", "POST", cb + "?token={token}", completion("99999999"))
         .json(400, "callback: count '1 OR 1=1'", "POST", cb + "?token={token}", completion("\"1 OR 1=1\""))
         .json(400, "callback: product id with SQL", "POST", cb + "?token={token}", completion(quoted(SQL_SKU), "10"))
         .json(400, "callback: product id of 10 KB", "POST", cb + "?token={token}", completion(quoted(LONG_SKU), "10"))
         .json(400, "callback: product id missing", "POST", cb + "?token={token}", "{\"MessageAttributeProductCnt\":10}")
         .json(400, "callback: malformed JSON", "POST", cb + "?token={token}", "{\"MessageAttributeProductId\":")
         .json(400, "callback: empty body", "POST", cb + "?token={token}", "")
         .json(400, "callback: count named twice", "POST", cb + "?token={token}",
                 completion("10").replace("\"MessageAttributeProductCnt\":10", "\"MessageAttributeProductCnt\":10,\"MessageAttributeProductCnt\":1"))
         .json(400, "callback: valid delivery padded over 64 KB", "POST", cb + "?token={token}",
                 completion("10").replace("\"Donut-States\"", "\"" + PAD_70_KB + "\""))
         .json(401, "callback: no token", "POST", cb, completion("10"))
         .json(401, "callback: empty token", "POST", cb + "?token=", completion("10"))
         .json(403, "callback: wrong token", "POST", cb + "?token=guess", completion("10"))
         .json(403, "callback: token '1 OR 1=1'", "POST", cb + "?token=" + OR_1_1, completion("10"))
         .json(403, "callback: the real token for an unknown replenishment", "POST",
                 "/api/factory/callbacks/" + UUID.randomUUID() + "?token={token}", completion("10"))
         .json(400, "callback: id not a UUID", "POST", "/api/factory/callbacks/not-a-uuid?token={token}", completion("10"))
         .json(400, "callback: id with SQL", "POST", "/api/factory/callbacks/{id}'%20OR%20'1'%3D'1?token={token}",
                 completion("10"));

        // POST /api/sales with a backorder: the flag and the notice URL
        r.json(400, "sales: backorder as a string", "POST", "/api/sales",
                 "{\"sku\":\"CP-502101\",\"quantity\":9,\"backorder\":\"true\"}").naming("backorder")
         .json(400, "sales: backorder as a number", "POST", "/api/sales",
                 "{\"sku\":\"CP-502101\",\"quantity\":9,\"backorder\":1}").naming("backorder")
         .json(400, "sales: backorder named twice", "POST", "/api/sales",
                 "{\"sku\":\"CP-502101\",\"quantity\":9,\"backorder\":false,\"backorder\":true}").naming("backorder")
         .json(400, "sales: notifyUrl not a URL", "POST", "/api/sales",
                 "{\"sku\":\"CP-502101\",\"quantity\":9,\"backorder\":true,\"notifyUrl\":\"not a url\"}")
                 .naming("notifyUrl")
         .json(400, "sales: notifyUrl relative", "POST", "/api/sales",
                 "{\"sku\":\"CP-502101\",\"quantity\":9,\"backorder\":true,\"notifyUrl\":\"/hook\"}").naming("notifyUrl")
         .json(400, "sales: notifyUrl ftp", "POST", "/api/sales",
                 "{\"sku\":\"CP-502101\",\"quantity\":9,\"backorder\":true,\"notifyUrl\":\"ftp://example.com/hook\"}")
                 .naming("notifyUrl")
         .json(400, "sales: notifyUrl javascript", "POST", "/api/sales",
                 "{\"sku\":\"CP-502101\",\"quantity\":9,\"backorder\":true,\"notifyUrl\":\"javascript:alert(1)\"}")
                 .naming("notifyUrl")
         .json(400, "sales: notifyUrl file", "POST", "/api/sales",
                 "{\"sku\":\"CP-502101\",\"quantity\":9,\"backorder\":true,\"notifyUrl\":\"file:///etc/passwd\"}")
                 .naming("notifyUrl")
         .json(400, "sales: notifyUrl with user info", "POST", "/api/sales",
                 "{\"sku\":\"CP-502101\",\"quantity\":9,\"backorder\":true,\"notifyUrl\":\"http://a:b@example.com/\"}")
                 .naming("notifyUrl")
         .json(400, "sales: notifyUrl a number", "POST", "/api/sales",
                 "{\"sku\":\"CP-502101\",\"quantity\":9,\"backorder\":true,\"notifyUrl\":42}").naming("notifyUrl")
         .json(400, "sales: notifyUrl of 600 characters", "POST", "/api/sales",
                 "{\"sku\":\"CP-502101\",\"quantity\":9,\"backorder\":true,\"notifyUrl\":\"https://example.com/"
                         + "x".repeat(580) + "\"}").naming("notifyUrl")
         .json(400, "sales: notifyUrl without the backorder flag", "POST", "/api/sales",
                 "{\"sku\":\"CP-502101\",\"quantity\":9,\"notifyUrl\":\"https://example.com/hook\"}").naming("notifyUrl");

        // GET and DELETE /api/backorders/{id}; {bo} is the waiting backorder, {secret} its secret
        r.get(400, "backorder: id not a UUID", "/api/backorders/not-a-uuid").naming("backorder id")
         .get(400, "backorder: id '1 OR 1=1'", "/api/backorders/" + OR_1_1).naming("backorder id")
         .get(400, "backorder: real id with SQL suffix", "/api/backorders/{bo}'%20OR%20'1'%3D'1").naming("backorder id")
         .get(404, "backorder: unknown UUID", "/api/backorders/" + UUID.randomUUID())
         .add(400, "backorder cancel: id not a UUID", "DELETE", "/api/backorders/not-a-uuid", null, null,
                 "Backorder-Secret", "{secret}").naming("backorder id")
         .add(404, "backorder cancel: unknown UUID with the real secret", "DELETE", "/api/backorders/" + UUID.randomUUID(),
                 null, null, "Backorder-Secret", "{secret}")
         .add(404, "backorder cancel: no secret", "DELETE", "/api/backorders/{bo}", null, null)
         .add(404, "backorder cancel: empty secret", "DELETE", "/api/backorders/{bo}", null, null, "Backorder-Secret", "")
         .add(404, "backorder cancel: wrong secret", "DELETE", "/api/backorders/{bo}", null, null,
                 "Backorder-Secret", "guess")
         .add(404, "backorder cancel: secret '1 OR 1=1'", "DELETE", "/api/backorders/{bo}", null, null,
                 "Backorder-Secret", "' OR '1'='1")
         .add(404, "backorder cancel: the secret as a query parameter", "DELETE", "/api/backorders/{bo}?secret={secret}",
                 null, null)
         .add(404, "backorder cancel: the secret as admin token", "DELETE", "/api/backorders/{bo}", null, null,
                 "Authorization", bearer)
         .json(405, "PUT a backorder", "PUT", "/api/backorders/{bo}", "{\"quantity\":5}", "Backorder-Secret", "{secret}");

        // The admins' backorder endpoints
        String backorders = "/api/admin/products/" + SKU + "/backorders";
        String backorderPolicy = "/api/admin/products/" + SKU + "/backorder-policy";
        r.add(400, "admin backorders: limit not a number", "GET", backorders + "?limit=abc", null, null,
                 "Authorization", bearer).naming("limit")
         .add(400, "admin backorders: limit 0", "GET", backorders + "?limit=0", null, null, "Authorization", bearer)
                 .naming("limit")
         .add(400, "admin backorders: limit 1001", "GET", backorders + "?limit=1001", null, null, "Authorization", bearer)
                 .naming("limit")
         .add(400, "admin backorders: limit '1 OR 1=1'", "GET", backorders + "?limit=" + OR_1_1, null, null,
                 "Authorization", bearer).naming("limit")
         .add(400, "admin backorders: before not a number", "GET", backorders + "?before=abc", null, null,
                 "Authorization", bearer).naming("before")
         .add(400, "admin backorders: before fractional", "GET", backorders + "?before=1.5", null, null,
                 "Authorization", bearer).naming("before")
         .add(400, "admin backorders: before '1 OR 1=1'", "GET", backorders + "?before=" + OR_1_1, null, null,
                 "Authorization", bearer).naming("before")
         .add(400, "admin backorders: before of 30 digits", "GET", backorders + "?before=" + "9".repeat(30), null, null,
                 "Authorization", bearer).naming("before")
         .add(404, "admin backorders: unknown sku", "GET", "/api/admin/products/NO-SUCH-DONUT/backorders", null, null,
                 "Authorization", bearer)
         .add(400, "admin backorders: sku with SQL", "GET", "/api/admin/products/" + SQL_SKU_IN_PATH + "/backorders",
                 null, null, "Authorization", bearer)
         .get(401, "admin backorders: no token", backorders)
         .get(401, "admin waiting backorders: no token", "/api/admin/backorders/waiting")
         .json(400, "admin backorder policy: minutes as a string", "PUT", backorderPolicy,
                 "{\"expireAfterMinutes\":\"60\",\"maxOrderQuantity\":50}", "Authorization", bearer)
                 .naming("expireAfterMinutes")
         .json(400, "admin backorder policy: minutes fractional", "PUT", backorderPolicy,
                 "{\"expireAfterMinutes\":60.5,\"maxOrderQuantity\":50}", "Authorization", bearer)
                 .naming("expireAfterMinutes")
         .json(400, "admin backorder policy: minutes named twice", "PUT", backorderPolicy,
                 "{\"expireAfterMinutes\":60,\"maxOrderQuantity\":50,\"expireAfterMinutes\":61}", "Authorization", bearer)
                 .naming("expireAfterMinutes")
         .json(400, "admin backorder policy: minutes negative", "PUT", backorderPolicy,
                 "{\"expireAfterMinutes\":-5,\"maxOrderQuantity\":50}", "Authorization", bearer)
                 .naming("expireAfterMinutes")
         .json(400, "admin backorder policy: minutes zero", "PUT", backorderPolicy,
                 "{\"expireAfterMinutes\":0,\"maxOrderQuantity\":50}", "Authorization", bearer)
                 .naming("expireAfterMinutes")
         .json(400, "admin backorder policy: minutes over 30 days", "PUT", backorderPolicy,
                 "{\"expireAfterMinutes\":43201,\"maxOrderQuantity\":50}", "Authorization", bearer)
                 .naming("expireAfterMinutes")
         .json(400, "admin backorder policy: minutes over int range", "PUT", backorderPolicy,
                 "{\"expireAfterMinutes\":99999999999,\"maxOrderQuantity\":50}", "Authorization", bearer)
                 .naming("expireAfterMinutes")
         .json(400, "admin backorder policy: quantity as a string", "PUT", backorderPolicy,
                 "{\"expireAfterMinutes\":60,\"maxOrderQuantity\":\"50\"}", "Authorization", bearer)
                 .naming("maxOrderQuantity")
         .json(400, "admin backorder policy: quantity negative", "PUT", backorderPolicy,
                 "{\"expireAfterMinutes\":60,\"maxOrderQuantity\":-1}", "Authorization", bearer)
                 .naming("maxOrderQuantity")
         .json(400, "admin backorder policy: quantity missing", "PUT", backorderPolicy,
                 "{\"expireAfterMinutes\":60}", "Authorization", bearer).naming("maxOrderQuantity")
         .json(400, "admin backorder policy: malformed JSON", "PUT", backorderPolicy,
                 "{\"expireAfterMinutes\":", "Authorization", bearer)
         .json(404, "admin backorder policy: unknown sku", "PUT", "/api/admin/products/NO-SUCH-DONUT/backorder-policy",
                 "{\"expireAfterMinutes\":60,\"maxOrderQuantity\":50}", "Authorization", bearer)
         .json(401, "admin backorder policy: no token", "PUT", backorderPolicy,
                 "{\"expireAfterMinutes\":60,\"maxOrderQuantity\":50}");

        // PUT /api/admin/products/{sku}/policy: the number of stock slots
        String policy = "/api/admin/products/" + SKU + "/policy";
        r.json(400, "admin policy: slots as a string", "PUT", policy,
                 "{\"reorderQuantity\":11,\"reorderPoint\":3,\"slots\":\"8\"}", "Authorization", bearer).naming("slots")
         .json(400, "admin policy: slots fractional", "PUT", policy,
                 "{\"reorderQuantity\":11,\"reorderPoint\":3,\"slots\":8.5}", "Authorization", bearer).naming("slots")
         .json(400, "admin policy: slots zero", "PUT", policy,
                 "{\"reorderQuantity\":11,\"reorderPoint\":3,\"slots\":0}", "Authorization", bearer).naming("slots")
         .json(400, "admin policy: slots 65", "PUT", policy,
                 "{\"reorderQuantity\":11,\"reorderPoint\":3,\"slots\":65}", "Authorization", bearer).naming("slots")
         .json(400, "admin policy: slots null", "PUT", policy,
                 "{\"reorderQuantity\":11,\"reorderPoint\":3,\"slots\":null}", "Authorization", bearer).naming("slots")
         .json(400, "admin policy: slots named twice", "PUT", policy,
                 "{\"reorderQuantity\":11,\"reorderPoint\":3,\"slots\":2,\"slots\":4}", "Authorization", bearer)
                 .naming("slots");

        // Dead letters and the books
        r.add(400, "admin dlq: limit not a number", "GET", "/api/admin/dlq?limit=abc", null, null, "Authorization", bearer)
                 .naming("limit")
         .add(400, "admin dlq: limit 0", "GET", "/api/admin/dlq?limit=0", null, null, "Authorization", bearer)
                 .naming("limit")
         .add(400, "admin dlq: limit over int range", "GET", "/api/admin/dlq?limit=99999999999", null, null,
                 "Authorization", bearer).naming("limit")
         .json(400, "admin archive: empty object", "POST", "/api/admin/ledger/archive", "{}", "Authorization", bearer)
                 .naming("before")
         .json(400, "admin archive: before a word", "POST", "/api/admin/ledger/archive", "{\"before\":\"last month\"}",
                 "Authorization", bearer).naming("before")
         .json(400, "admin archive: before not a calendar date", "POST", "/api/admin/ledger/archive",
                 "{\"before\":\"2026-13-45\"}", "Authorization", bearer).naming("before")
         .json(400, "admin archive: before a number", "POST", "/api/admin/ledger/archive", "{\"before\":20260101}",
                 "Authorization", bearer).naming("before")
         .json(400, "admin archive: before named twice", "POST", "/api/admin/ledger/archive",
                 "{\"before\":\"2999-01-01\",\"before\":\"2001-01-01\"}", "Authorization", bearer).naming("before")
         .json(400, "admin archive: before too recent", "POST", "/api/admin/ledger/archive", "{\"before\":\"2999-01-01\"}",
                 "Authorization", bearer).naming("before")
         .json(400, "admin archive: before of 10 KB", "POST", "/api/admin/ledger/archive",
                 "{\"before\":\"" + LONG_SKU + "\"}", "Authorization", bearer).naming("before")
         .json(400, "admin archive: malformed JSON", "POST", "/api/admin/ledger/archive", "{\"before\":",
                 "Authorization", bearer)
         .json(401, "admin archive: no token", "POST", "/api/admin/ledger/archive", "{\"before\":\"2001-01-01\"}")
         .add(401, "admin replay: no token", "POST", "/api/admin/ledger/replay", null, null)
         .add(405, "admin replay: DELETE", "DELETE", "/api/admin/ledger/replay", null, null, "Authorization", bearer)
         .add(405, "admin archive: DELETE", "DELETE", "/api/admin/ledger/archive", null, null, "Authorization", bearer);

        // The metrics show internals: admin token only
        r.get(401, "metrics: prometheus without a token", "/actuator/prometheus")
         .add(401, "metrics: prometheus with a wrong token", "GET", "/actuator/prometheus", null, null,
                 "Authorization", "Bearer nope")
         .add(401, "metrics: prometheus with the token as Basic", "GET", "/actuator/prometheus", null, null,
                 "Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(("admin:" + TOKEN).getBytes()))
         .get(401, "metrics: prometheus with the token as a query parameter", "/actuator/prometheus?token=" + TOKEN)
         .get(401, "metrics: the metrics index without a token", "/actuator/metrics")
         .get(401, "metrics: one meter without a token", "/actuator/metrics/donut.stock")
         .get(401, "metrics: prometheus with a path parameter", "/actuator/prometheus;x=y")
         .get(401, "metrics: metrics with a trailing slash", "/actuator/metrics/");

        // Unknown paths and wrong methods
        r.get(404, "unknown path /api/nope", "/api/nope")
         .get(404, "unknown path under a product", "/api/products/" + SKU + "/nope")
         .add(404, "unknown admin path with a valid token", "GET", "/api/admin/nope", null, null,
                 "Authorization", bearer)
         .json(405, "POST /api/products", "POST", "/api/products", sale(quoted(SKU), "1"))
         .add(405, "DELETE /api/products/{sku}", "DELETE", "/api/products/" + SKU, null, null)
         .get(405, "GET /api/sales", "/api/sales")
         .add(405, "DELETE /api/sales", "DELETE", "/api/sales", null, null)
         .get(405, "GET /send", "/send")
         .json(405, "PUT /send", "PUT", "/send", legacy(quoted(SKU)))
         .add(405, "DELETE /api/replenishments/{id}", "DELETE", "/api/replenishments/{id}", null, null)
         .get(405, "GET on the callback URL", cb + "?token={token}")
         .json(405, "PATCH admin stock with a valid token", "PATCH", stock, "{\"stock\":7}", "Authorization", bearer)
         .add(405, "DELETE admin stock with a valid token", "DELETE", stock, null, null, "Authorization", bearer);

        return r.rows.stream();
    }

    // ---------------------------------------------------------------------------------------------

    @ParameterizedTest(name = "{index}: {0}")
    @MethodSource("rows")
    void is_answered_4xx_with_a_json_message_no_stack_trace_and_changes_nothing(Row row) {
        int expected = row.expected();
        String before = snapshot();

        Answer answer = send(row);

        String after = snapshot();
        String shown = answer.body().length() > 600 ? answer.body().substring(0, 600) + "..." : answer.body();
        assertThat(answer.status()).as("%s: status; body: %s", row, shown).isEqualTo(expected);
        assertThat(answer.body()).as("%s: no stack trace, Java type or framework internals in %s", row, shown)
                .doesNotContain("Exception").doesNotContain("at io.").doesNotContain("org.springframework")
                .doesNotContain("java.").doesNotContain("tools.jackson").doesNotContain("URLDecoder")
                .doesNotContain("<html");
        assertThat(answer.headers().firstValue("X-Content-Type-Options")).as("%s: nosniff", row).hasValue("nosniff");
        assertThat(answer.headers().firstValue("X-Frame-Options")).as("%s: no framing", row).hasValue("DENY");
        assertThat(answer.headers().firstValue("Content-Security-Policy")).as("%s: content security policy", row)
                .hasValueSatisfying(policy -> assertThat(policy).contains("default-src 'none'"));
        if (row.path().equals("/send")) {
            // The legacy clients' endpoint answers as it always has: plain JSON, no problem fields.
            assertThat(answer.contentType()).as("%s: content type of the answer; body: %s", row, shown)
                    .isEqualTo("application/json");
            assertThat(answer.body()).as("%s: the legacy shape", row).doesNotContain("\"type\"");
        } else {
            ProblemDetails.assertProblem(row.toString(), answer.contentType(), answer.body(), null);
        }
        JsonNode json = parse(answer.body());
        assertThat(json).as("%s: answer is a JSON object; body: %s", row, shown).isNotNull();
        assertThat(json.isObject()).as("%s: answer is a JSON object; body: %s", row, shown).isTrue();
        JsonNode message = json.get("message");
        assertThat(message).as("%s: answer has a message; body: %s", row, shown).isNotNull();
        assertThat(message.isString() && !message.asString().isBlank())
                .as("%s: message is a non-empty string; body: %s", row, shown).isTrue();
        if (row.mentions() != null) {
            assertThat(message.asString()).as("%s: the message names what is wrong", row).contains(row.mentions());
        }
        assertThat(after).as("%s: products, replenishments and the ledger of %s after the request", row, SKU)
                .isEqualTo(before);
    }

    @Test
    void no_spelling_of_the_metrics_paths_shows_metrics_without_the_admin_token() {
        for (String path : List.of("/actuator/prometheus", "/actuator//prometheus", "/actuator/./prometheus",
                "/actuator/x/../prometheus", "/actuator/%70rometheus", "/actuator/Prometheus", "/ACTUATOR/PROMETHEUS",
                "/actuator/prometheus/", "/actuator/prometheus;a=b", "/actuator;a=b/prometheus", "//actuator/prometheus",
                "/actuator/metrics", "/actuator/metrics/jvm.memory.used", "/actuator/metrics;x/jvm.memory.used",
                "/actuator/%6detrics")) {
            var answer = send(new Row(path, "GET", path, null, null, List.of(), 401, null));
            assertThat(answer.status()).as(path + " answered " + shortened(answer.body())).isBetween(400, 499);
            assertThat(answer.body()).as(path).doesNotContain("donut_").doesNotContain("jvm_").doesNotContain("hikaricp")
                    .doesNotContain("\"names\"").doesNotContain("measurements");
        }
        var scrape = send(new Row("scrape", "GET", "/actuator/prometheus", null, null,
                List.of("Authorization", "Bearer " + TOKEN), 200, null));
        assertThat(scrape.status()).isEqualTo(200);
        assertThat(scrape.body()).contains("donut_sales_total");
    }

    // ---------------------------------------------------------------------------------------------

    /**
     * Everything a request could have changed: all stocks and policies, all replenishments, the ledger,
     * the backorders and the backorder rules of CP-502101, the ledger archive.
     */
    private static String snapshot() {
        var products = sendGet("/api/products");
        var replenishments = sendGet("/api/replenishments?limit=1000");
        var ledger = sendGet("/api/products/" + SKU + "/ledger?limit=1000");
        var backorders = sendGet("/api/admin/products/" + SKU + "/backorders", "Authorization", "Bearer " + TOKEN);
        var archive = send(new Row("archive", "GET", "/api/admin/ledger/archive", null, null,
                List.of("Authorization", "Bearer " + TOKEN), 404, null));
        assertThat(products.status()).isEqualTo(200);
        assertThat(replenishments.status()).isEqualTo(200);
        assertThat(ledger.status()).isEqualTo(200);
        assertThat(backorders.status()).isEqualTo(200);
        assertThat(archive.status()).as("no archive was asked for: " + archive.body()).isEqualTo(404);
        return "products=" + products.body() + "\nreplenishments=" + replenishments.body()
                + "\nledger=" + ledger.body() + "\nbackorders=" + backorders.body();
    }

    private static Answer sendGet(String path, String... headers) {
        return send(new Row(path, "GET", path, null, null, List.of(headers), 200, null));
    }

    private static Answer send(Row row) {
        String path = placeholders(row.path());
        var request = HttpRequest.newBuilder(shop.uri(path)).timeout(Duration.ofSeconds(30));
        var body = row.body() == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(row.body());
        request.method(row.method(), body);
        if (row.contentType() != null) {
            request.header("Content-Type", row.contentType());
        }
        for (int i = 0; i < row.headers().size(); i += 2) {
            request.header(row.headers().get(i), placeholders(row.headers().get(i + 1)));
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body(), response.headers());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(row.method() + " " + shortened(path) + " was not answered", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String placeholders(String text) {
        return text.replace("{id}", replenishmentId).replace("{token}", callbackToken).replace("{bo}", backorderId)
                .replace("{secret}", backorderSecret);
    }

    private static JsonNode parse(String body) {
        try {
            return JSON.readTree(body);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static String shortened(String text) {
        return text.length() <= 120 ? text : text.substring(0, 120) + "...(" + text.length() + " chars)";
    }

    private record Answer(int status, String contentType, String body, java.net.http.HttpHeaders headers) { }
}
