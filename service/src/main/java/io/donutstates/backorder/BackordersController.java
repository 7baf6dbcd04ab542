package io.donutstates.backorder;

import io.donutstates.http.BackorderEndpoints;
import io.donutstates.http.PageLimit;
import io.donutstates.web.Replies;
import java.util.Optional;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A buyer's backorder (read, cancel with its secret) and the admins' view of a product's backorders
 * and rules, answered by the shared {@link BackorderEndpoints}; {@code /api/admin/**} is guarded by
 * the admin token.
 */
@RestController
class BackordersController {

    private final BackorderEndpoints endpoints;

    BackordersController(BackorderEndpoints endpoints) {
        this.endpoints = endpoints;
    }

    @GetMapping("/api/backorders/{id}")
    ResponseEntity<Object> one(@PathVariable String id) {
        return Replies.send(endpoints.get(id));
    }

    @DeleteMapping("/api/backorders/{id}")
    ResponseEntity<Object> cancel(@PathVariable String id,
                                  @RequestHeader(name = BackorderEndpoints.SECRET_HEADER, required = false) String secret) {
        return Replies.send(endpoints.cancel(id, secret));
    }

    @GetMapping("/api/admin/products/{sku}/backorders")
    ResponseEntity<Object> list(@PathVariable String sku, @RequestParam Optional<String> before,
                                @RequestParam(defaultValue = PageLimit.DEFAULT_TEXT) String limit) {
        return Replies.send(endpoints.list(sku, before.orElse(null), limit));
    }

    @PutMapping("/api/admin/products/{sku}/backorder-policy")
    ResponseEntity<Object> setPolicy(@PathVariable String sku, @RequestBody String body) {
        return Replies.send(endpoints.setPolicy(sku, body));
    }

    @GetMapping("/api/admin/backorders/waiting")
    ResponseEntity<Object> waiting() {
        return Replies.send(endpoints.waiting());
    }
}
