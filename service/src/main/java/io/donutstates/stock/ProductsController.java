package io.donutstates.stock;

import io.donutstates.http.JsonBodies;
import io.donutstates.http.PageLimit;
import io.donutstates.http.ReadEndpoints;
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

/** The catalog with live stock, each product's ledger, and the operator's stock count. */
@RestController
class ProductsController {

    private final Stock stock;
    private final ReadEndpoints reads;
    private final AdjustingStock adjusting;

    /** Reads over the read pool through the shared {@link ReadEndpoints}; the operator's changes over the writers' pool. */
    ProductsController(Stock stock, ReadEndpoints reads, AdjustingStock adjusting) {
        this.stock = stock;
        this.reads = reads;
        this.adjusting = adjusting;
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
    ResponseEntity<?> setStock(@PathVariable String sku, @RequestBody String body) {
        Sku wanted = Sku.of(sku);
        int counted = JsonBodies.wholeNumber(JsonBodies.object(body), "stock");
        return adjusting.setStock(wanted, counted).<ResponseEntity<?>>map(p -> ResponseEntity.ok(ProductView.of(p)))
                .orElseGet(() -> unknown(wanted));
    }

    @PutMapping("/api/admin/products/{sku}/policy")
    ResponseEntity<?> changePolicy(@PathVariable String sku, @RequestBody String body) {
        Sku wanted = Sku.of(sku);
        var fields = JsonBodies.object(body);
        var policy = new ReorderPolicy(JsonBodies.wholeNumber(fields, "reorderQuantity"),
                JsonBodies.wholeNumber(fields, "reorderPoint"));
        if (!stock.changePolicy(wanted, policy)) {
            return unknown(wanted);
        }
        return ResponseEntity.ok(ProductView.of(stock.find(wanted).orElseThrow()));
    }

    private static ResponseEntity<?> unknown(Sku sku) {
        return Replies.send(ReadEndpoints.unknownProduct(sku));
    }
}
