package io.donutstates.replenishment;

import io.donutstates.stock.Sku;
import io.donutstates.http.HttpReply;
import io.donutstates.service.ShopReads;
import io.donutstates.web.Replies;
import java.util.List;
import java.util.Optional;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Replenishments under way and done, newest first. */
@RestController
class ReplenishmentsController {

    private final Replenishments replenishments;

    /** Reads only, over the read pool. */
    ReplenishmentsController(ShopReads reads) {
        this.replenishments = reads.replenishments();
    }

    @GetMapping("/api/replenishments")
    List<ReplenishmentView> list(@RequestParam Optional<String> sku, @RequestParam(defaultValue = "100") int limit) {
        if (limit < 1 || limit > 1000) {
            throw new IllegalArgumentException("limit must be between 1 and 1000");
        }
        return replenishments.list(sku.map(Sku::of), limit).stream().map(ReplenishmentView::of).toList();
    }

    @GetMapping("/api/replenishments/{id}")
    ResponseEntity<?> one(@PathVariable String id) {
        var wanted = ReplenishmentId.parse(id);
        return replenishments.find(wanted)
                .<ResponseEntity<?>>map(r -> ResponseEntity.ok(
                        ReplenishmentView.of(r).withNotes(replenishments.notes(wanted))))
                .orElseGet(() -> Replies.send(HttpReply.error(404, "UNKNOWN_REPLENISHMENT", "no replenishment " + id)));
    }
}
