package io.donutstates.replenishment;

import io.donutstates.http.PageLimit;
import io.donutstates.http.ReadEndpoints;
import io.donutstates.web.Replies;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.util.Optional;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Replenishments under way and done, newest first, answered by the shared {@link ReadEndpoints} over the read pool. */
@RestController
class ReplenishmentsController {

    private final ReadEndpoints reads;

    ReplenishmentsController(ReadEndpoints reads) {
        this.reads = reads;
    }

    @GetMapping("/api/replenishments")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = "application/json",
            array = @ArraySchema(schema = @Schema(implementation = ReplenishmentView.class))))
    ResponseEntity<Object> list(@RequestParam Optional<String> sku,
                                @RequestParam(defaultValue = PageLimit.DEFAULT_TEXT) int limit) {
        return Replies.send(reads.replenishments(sku, limit));
    }

    @GetMapping("/api/replenishments/{id}")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = ReplenishmentView.class)))
    ResponseEntity<Object> one(@PathVariable String id) {
        return Replies.send(reads.replenishment(id));
    }
}
