@adversarial @never_read
Feature: A client that never reads its replies
  The evil client sends requests and never reads a byte of the replies (its receive buffer kept small),
  so they pile up on the server. Redis's client-output-buffer-limit drops such a client; the sample
  server has no deadline on its writes, so the client holds its connection, and a connection slot, for as
  long as it likes, past the idle timeout.
  (A COMMAND reply is ~90 KB: 200 of them are 18 MB, far past what the kernel's socket buffers can absorb (a
  few MB), so redis's own output buffer passes its hard limit however the buffers were tuned; 50 sometimes did not.
  Each request is padded with spaces to 210 bytes, 42 KB in all, more than redis reads at once (16 KB): redis
  closes with requests still unread, so its kernel answers with an RST the client sees. Had redis read every
  request, its FIN would queue behind megabytes of replies the client never lets through, and the client could
  not tell the server had ended it; a loaded CI run saw that happen with 1.8 KB of requests.)

  Scenario: redis drops a client that never reads once its replies pass the output buffer limit
    Given server "R" is the configured "redis" server with "--client-output-buffer-limit 'normal 1mb 256kb 0'"
    And evil client "E" sends "COMMAND                                                                                                                                                                                                        \r\n" 200 times without reading the replies, for 10000 ms
    When evil client "E" attacks server "R"
    Then the server ended every connection of evil client "E" within 8000 ms
    And the log of server "R" says "scheduled to be closed ASAP for overcoming of output buffer limits"
    And server "R" answers a legitimate client within 2000 ms

  Scenario: the sample server keeps a client that never reads past its idle timeout
    Given server "S" is the configured "sample" server with "--idle-timeout 1000 --max-frame 1048576"
    And evil client "E" sends a 1000000-byte frame 20 times without reading the replies, for 3000 ms
    When evil client "E" attacks server "S"
    Then evil client "E" closed every connection itself
    And the server kept every connection of evil client "E" for at least 2900 ms
    And server "S" answers a legitimate client within 2000 ms
