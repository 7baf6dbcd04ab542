package io.donutstates.stock;

import io.donutstates.http.HttpReply;
import io.donutstates.http.JsonBodies;
import io.donutstates.service.ShopReads;
import io.donutstates.web.Replies;
import java.util.List;
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
    private final ShopReads reads;
    private final AdjustingStock adjusting;

    ProductsController(Stock stock, ShopReads reads, AdjustingStock adjusting) {
        this.stock = stock;
        this.reads = reads;
        this.adjusting = adjusting;
    }

    @GetMapping("/api/products")
    List<ProductView> all() {
        return reads.stock().all().stream().map(ProductView::of).toList();
    }

    @GetMapping("/api/products/{sku}")
    ResponseEntity<?> one(@PathVariable String sku) {
        Sku wanted = Sku.of(sku);
        return reads.stock().find(wanted).<ResponseEntity<?>>map(p -> ResponseEntity.ok(ProductView.of(p)))
                .orElseGet(() -> unknown(wanted));
    }

    @GetMapping("/api/products/{sku}/ledger")
    ResponseEntity<?> ledger(@PathVariable String sku, @RequestParam(defaultValue = "100") int limit) {
        Sku wanted = Sku.of(sku);
        if (limit < 1 || limit > 1000) {
            throw new IllegalArgumentException("limit must be between 1 and 1000");
        }
        if (reads.stock().find(wanted).isEmpty()) {
            return unknown(wanted);
        }
        return ResponseEntity.ok(reads.ledger().history(wanted, limit).stream().map(MovementView::of).toList());
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
        return Replies.send(HttpReply.error(404, "UNKNOWN_PRODUCT", "no product with sku " + sku));
    }
}
