package io.donutstates.stock;

import io.donutstates.http.PageLimit;
import io.donutstates.http.ReadEndpoints;
import io.donutstates.http.StockAdminEndpoints;
import io.donutstates.web.Replies;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The catalog with live stock, each product's ledger, and the operator's stock count and policy. */
@RestController
class ProductsController {

    private final ReadEndpoints reads;
    private final StockAdminEndpoints admin;

    /** Reads over the read pool through the shared {@link ReadEndpoints}; the operator's changes over the writers' pool. */
    ProductsController(ReadEndpoints reads, AdjustingStock adjusting) {
        this.reads = reads;
        this.admin = new StockAdminEndpoints(adjusting);
    }

    @GetMapping("/api/products")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = "application/json",
            array = @ArraySchema(schema = @Schema(implementation = ProductView.class))))
    ResponseEntity<Object> all() {
        return Replies.send(reads.products());
    }

    @GetMapping("/api/products/{sku}")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = ProductView.class)))
    ResponseEntity<Object> one(@PathVariable String sku) {
        return Replies.send(reads.product(sku));
    }

    @GetMapping("/api/products/{sku}/ledger")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = "application/json",
            array = @ArraySchema(schema = @Schema(implementation = MovementView.class))))
    ResponseEntity<Object> ledger(@PathVariable String sku,
                                  @RequestParam(defaultValue = PageLimit.DEFAULT_TEXT) int limit) {
        return Replies.send(reads.ledger(sku, limit));
    }

    @PutMapping("/api/admin/products/{sku}/stock")
    ResponseEntity<Object> setStock(@PathVariable String sku, @RequestBody String body) {
        return Replies.send(admin.setStock(sku, body));
    }

    @PutMapping("/api/admin/products/{sku}/policy")
    ResponseEntity<Object> changePolicy(@PathVariable String sku, @RequestBody String body) {
        return Replies.send(admin.changePolicy(sku, body));
    }
}
