package io.donutstates.allinone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.donutstates.client.ApiClient;
import io.donutstates.client.ApiException;
import io.donutstates.client.api.AdminApi;
import io.donutstates.client.api.CatalogApi;
import io.donutstates.client.api.LedgerAuditApi;
import io.donutstates.client.api.OpsApi;
import io.donutstates.client.api.ReplenishmentsApi;
import io.donutstates.client.api.SalesApi;
import io.donutstates.client.model.OutOfStock;
import io.donutstates.client.model.Product;
import io.donutstates.client.model.Purchase;
import io.donutstates.client.model.Replenishment;
import io.donutstates.client.model.Sale;
import io.donutstates.client.model.StockCount;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A Java client generated from the OpenAPI document ({@code docs/openapi.json}, by
 * openapi-generator's {@code java}/{@code native} generator at build time) buys and reads with
 * typed answers: no {@code Object}, no map.
 */
class GeneratedClientTest {

    @RegisterExtension
    static final TestShop shop = TestShop.withDefaults();

    @Test
    void a_generated_client_buys_until_the_shelf_is_empty_and_follows_the_replenishment() throws Exception {
        var client = new ApiClient();
        client.updateBaseUri(shop.uri("").toString());
        var admin = new ApiClient();
        admin.updateBaseUri(shop.uri("").toString());
        admin.setRequestInterceptor(request -> request.header("Authorization", "Bearer test-admin-token"));

        Product counted = new AdminApi(admin).setStock(TestShop.SKU, new StockCount().stock(1L));
        assertThat(counted.getStock()).isEqualTo(1L);
        assertThat(new CatalogApi(client).listProducts()).extracting(Product::getSku).contains(TestShop.SKU);
        assertThat(new CatalogApi(client).getProduct(TestShop.SKU).getStock()).isEqualTo(1L);

        var sales = new SalesApi(client);
        Sale sale = sales.sell(new Purchase().sku(TestShop.SKU).quantity(1L), null);
        assertThat(sale.getStatus()).isEqualTo(Sale.StatusEnum.SOLD);
        assertThat(sale.getRemainingStock()).isZero();
        assertThat(sale.getId()).isPositive();

        ApiException refused = catchThrowableOfType(ApiException.class,
                () -> sales.sell(new Purchase().sku(TestShop.SKU).quantity(1L), null));
        assertThat(refused.getCode()).isEqualTo(409);
        OutOfStock outOfStock = client.getObjectMapper().readValue(refused.getResponseBody(), OutOfStock.class);
        assertThat(outOfStock.getAvailable()).isZero();
        String replenishmentId = outOfStock.getReplenishment().getId().toString();

        Replenishment replenishment = new ReplenishmentsApi(client).getReplenishment(replenishmentId);
        assertThat(replenishment.getSku()).isEqualTo(TestShop.SKU);
        assertThat(replenishment.getQuantity()).isEqualTo(10L);
        assertThat(new ReplenishmentsApi(client).listReplenishments(TestShop.SKU, 5))
                .extracting(Replenishment::getId).contains(java.util.UUID.fromString(replenishmentId));

        ApiException unknown = catchThrowableOfType(ApiException.class, () -> new CatalogApi(client).getProduct("CP-999999"));
        assertThat(unknown.getCode()).isEqualTo(404);
        var error = client.getObjectMapper().readValue(unknown.getResponseBody(), io.donutstates.client.model.Error.class);
        assertThat(error.getStatus()).isEqualTo("UNKNOWN_PRODUCT");

        assertThat(new OpsApi(client).getOpsSummary().getReplenishments()).containsKeys("REQUESTED", "ORDERED");
        assertThat(new LedgerAuditApi(admin).getAudit().getProducts()).isNotEmpty();
    }
}
