@io @http @http_status
Feature: Failing statuses, crossed with a plain and a retrying client
  The peer fails its first requests with a status, or answers chosen requests or paths with one.
  A plain HttpClient takes any status as a whole response (outcome completed) and reports it; the
  retrying client (the resilience handler: 5xx, 408 and 429 are transient) goes again until it
  gets a success or runs out of retries. The peer records every request it read.

  Scenario Outline: a plain client takes the first failure as the answer
    Given an HTTP peer "EP" answering 200 with 1000 bytes
    And HTTP peer "EP" fails the first 1..3 requests with <status>
    When one of:
      | task "C" requests "/" from peer "EP"                              |
      | task "C" requests "/" from peer "EP" reading the body byte by byte |
    Then the outcome of task "C" is completed
    And the status of task "C" is <status>
    And task "C" needed 1 attempt
    And peer "EP" received 1 request

    Examples:
      | status |
      | 500    |
      | 503    |
      | 429    |

  Scenario Outline: a retrying client rides out failing first requests
    Given an HTTP peer "EP" answering 200 with 1000 bytes
    And HTTP peer "EP" fails the first <failures> requests with 503|502|408|429
    And task "C" retries failed requests 3 times 10 ms apart
    When one of:
      | task "C" requests "/" from peer "EP"                              |
      | task "C" requests "/" from peer "EP" reading the body byte by byte |
    Then the outcome of task "C" is completed
    And the status of task "C" is 200
    And task "C" needed <attempts> attempts
    And task "C" received the payload of peer "EP" intact
    And peer "EP" received <attempts> requests

    Examples:
      | failures | attempts |
      | 1        | 2        |
      | 3        | 4        |

  Scenario: a retrying client that runs out of retries reports the last failure
    Given an HTTP peer "EP" answering 200 with 1000 bytes
    And HTTP peer "EP" fails the first 5 requests with 503
    And task "C" retries failed requests 1..3 times 10 ms apart
    When task "C" requests "/" from peer "EP"
    Then the outcome of task "C" is completed
    And the status of task "C" is 503
    And counter "http_status_503_C" equals 1

  Scenario: a status that is not transient is not retried
    Given an HTTP peer "EP" answering 200 with 1000 bytes
    And HTTP peer "EP" fails the first 1 request with 404|400|501
    And task "C" retries failed requests 3 times 10 ms apart
    When task "C" requests "/" from peer "EP"
    Then the outcome of task "C" is completed
    And task "C" needed 1 attempt
    And peer "EP" received 1 request

  Scenario: answers by request number and path, in a row on one connection
    Given an HTTP peer "EP" answering 200 with 1000 bytes
    And HTTP peer "EP" answers request 2 with 500
    And HTTP peer "EP" answers "/missing" with 404
    When task "C" requests "/" from peer "EP" 3 times in a row
    And task "C" requests "/missing" from peer "EP"
    Then the outcomes of task "C" are "completed, completed, completed, completed"
    And the status of task "C" is 404
    And counter "http_status_200_C" equals 2
    And counter "http_status_500_C" equals 1
    And peer "EP" received 4 requests on 1 connection
    And request 4 to peer "EP" was GET "/missing"

  Scenario: a posted body reaches the peer whole through a slow or slicing network
    Given an HTTP peer "EP" answering 201 with "created"
    Given one of:
      | the proxy of peer "EP" slices into 100..500-byte segments |
      | the proxy of peer "EP" adds 5..20 ms latency              |
      | the proxy of peer "EP" throttles to 500 KB/s              |
    And the proxy of peer "EP" applies its toxics upstream
    When task "C" posts 20000 bytes to "/upload" on peer "EP"
    Then the outcome of task "C" is completed
    And the status of task "C" is 201
    And request 1 to peer "EP" was POST "/upload"
    And request 1 to peer "EP" carried 20000 body bytes
    And task "C" received 7 bytes

  Scenario: a retried post sends its whole body again on every attempt
    Given an HTTP peer "EP" answering 201 with "created"
    And HTTP peer "EP" fails the first 2 requests with 503
    And task "C" retries failed requests 3 times 10 ms apart
    When task "C" posts 20000 bytes to "/upload" on peer "EP"
    Then the status of task "C" is 201
    And task "C" needed 3 attempts
    And request 1 to peer "EP" carried 20000 body bytes
    And request 3 to peer "EP" carried 20000 body bytes
