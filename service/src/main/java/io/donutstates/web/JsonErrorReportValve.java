package io.donutstates.web;

import io.donutstates.http.AnswerJson;
import io.donutstates.http.SecurityHeaders;
import io.donutstates.http.StatusAnswers;
import java.io.IOException;
import java.io.Writer;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;

/**
 * Tomcat's own error answer, for requests it refuses before the application sees them (a path it
 * cannot decode such as {@code /%}, an encoded slash, an invalid character, headers over the limit, a
 * malformed request line): the shop's problem details (application/problem+json) with the security headers, never Tomcat's
 * HTML page.
 */
public class JsonErrorReportValve extends ErrorReportValve {

    public JsonErrorReportValve() {
        setShowReport(false);
        setShowServerInfo(false);
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        // As Tomcat's own: only an error status, nothing written yet, and not reported before.
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        var reply = StatusAnswers.of(status);
        String json = AnswerJson.text(reply.body());
        try {
            response.setContentType(reply.contentType());
            response.setCharacterEncoding("UTF-8");
            SecurityHeaders.API.forEach(response::setHeader);
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(json);
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // The client is gone or the answer was already under way: nothing more can be sent.
        }
    }
}
