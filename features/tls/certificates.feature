@io @tls @tls_certificate
Feature: A certificate the client must refuse, crossed with the client and how it asks
  The peer, or the TLS listener of its proxy, presents a certificate from the run-time test authority
  that the client must refuse: self-signed (untrusted), expired, or for another host. Both SslStream
  and HttpClient refuse it with an AuthenticationException: the outcome handshake, not eof, reset or
  error, and nothing of the body arrives. A trusted certificate from the same authority is accepted.

  Scenario Outline: a refused certificate is a handshake outcome for every request pattern
    Given an HTTP peer "EP" answering 200 with 1000 bytes
    Given one of:
      | evil peer "EP" presents an <certificate> certificate         |
      | the proxy of peer "EP" presents an <certificate> certificate |
    When one of:
      | task "C" requests "/" from peer "EP"                     |
      | task "C" requests "/" from peer "EP" 2 times in a row    |
      | task "C" requests "/" from peer "EP" 2 times in parallel |
    Then the outcome of task "C" is handshake
    And task "C" received 0 bytes
    And peer "EP" received 0 requests

    Examples:
      | certificate |
      | untrusted   |
      | expired     |

  Scenario: a certificate for another host is refused by SslStream too, and the peer counts the refusal
    Given an evil peer "EP" serving 1000 bytes
    And evil peer "EP" presents a wrong-host certificate
    And task "C" uses the tls driver
    When one of:
      | task "C" downloads from peer "EP"              |
      | task "C" downloads from peer "EP" byte by byte |
    Then the outcome of task "C" is handshake
    And task "C" received 0 bytes
    And peer "EP" saw 1 TLS failure

  Scenario: a retrying client retries a refused certificate, and every attempt is refused
    Given an HTTP peer "EP" answering 200 with 1000 bytes
    And the proxy of peer "EP" presents an expired certificate
    And task "C" retries failed requests 2 times 10 ms apart
    When task "C" requests "/" from peer "EP"
    Then the outcome of task "C" is handshake
    And task "C" needed 3 attempts
    And the proxy of peer "EP" saw 3 TLS failures
    And peer "EP" received 0 requests

  Scenario: a trusted certificate is accepted over either TLS version
    Given an HTTP peer "EP" answering 200 with 1000 bytes
    Given one of:
      | evil peer "EP" speaks only TLS 1.2         |
      | evil peer "EP" speaks only TLS 1.3         |
      | the proxy of peer "EP" speaks only TLS 1.2 |
      | the proxy of peer "EP" speaks only TLS 1.3 |
    When task "C" requests "/" from peer "EP" 3 times in a row
    Then all 3 requests of task "C" ended completed
    And task "C" received the payload of peer "EP" intact
    And task "C" opened 1 connection to peer "EP"
