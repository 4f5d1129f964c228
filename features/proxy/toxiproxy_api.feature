@io @proxy @toxiproxy_api
Feature: Toxiproxy's API drives the toxic proxy
  Teams that drive Toxiproxy from code keep their calls. A Toxiproxy-compatible server started for the
  scenario (our `evilpeer server`, in-process) takes proxies and toxics over Toxiproxy's HTTP API, and the
  clients behind it see the faults those toxics make, including the ones Toxiproxy gets wrong or lacks.

  Background:
    Given a Toxiproxy-compatible server "T"

  Scenario: a proxy made through the API passes the payload through untouched
    Given an evil peer "EP" serving 4096 bytes
    And server "T" proxies "ep" to peer "EP"
    When task "C" downloads from proxy "ep" of server "T"
    Then task "C" received the payload of peer "EP" intact
    And proxy "ep" on server "T" has no toxics

  Scenario: toxics added through the API shape the download
    Given an evil peer "EP" serving 4096 bytes
    And server "T" proxies "ep" to peer "EP"
    And one of:
      | server "T" adds a latency toxic to proxy "ep" with "latency=100"                |
      | server "T" adds a bandwidth toxic to proxy "ep" with "rate=20"                  |
      | server "T" adds a slicer toxic to proxy "ep" with "average_size=64, delay=2000" |
    When one of:
      | task "C" downloads from proxy "ep" of server "T"              |
      | task "C" downloads from proxy "ep" of server "T" byte by byte |
    Then task "C" received the payload of peer "EP" intact
    And the transfer of task "C" took at least 90 ms

  Scenario: a limit_data toxic cuts the stream after its byte count
    Given an evil peer "EP" serving 4096 bytes
    And server "T" proxies "ep" to peer "EP"
    And server "T" adds a limit_data toxic to proxy "ep" with "bytes=1000"
    When task "C" downloads from proxy "ep" of server "T"
    Then task "C" received a clean prefix of peer "EP"
    And task "C" received 1000 bytes
    And the outcome of task "C" is eof

  Scenario: a reset_peer toxic added while the download runs resets it with a real RST
    Given an evil peer "EP" serving 4096 bytes
    And evil peer "EP" slices output into 64-byte chunks
    And evil peer "EP" delays 20 ms between chunks
    And server "T" proxies "ep" to peer "EP"
    When task "C" downloads from proxy "ep" of server "T"
    And a reset_peer toxic is added to proxy "ep" on server "T" with "timeout=100"
    Then task "C" received a clean prefix of peer "EP"
    And the outcome of task "C" is reset

  Scenario: a connect_refuse toxic refuses new connections, a connect-phase fault Toxiproxy lacks
    Given an evil peer "EP" serving 256 bytes
    And server "T" proxies "ep" to peer "EP"
    And server "T" adds a connect_refuse toxic to proxy "ep" with ""
    When task "C" downloads from proxy "ep" of server "T"
    Then the outcome of task "C" is refused

  Scenario: a disabled proxy refuses connections and serves again once enabled
    Given an evil peer "EP" serving 256 bytes
    And server "T" proxies "ep" to peer "EP"
    When proxy "ep" on server "T" is disabled
    And task "C" downloads from proxy "ep" of server "T"
    Then the outcome of task "C" is refused
    When proxy "ep" on server "T" is enabled
    And task "D" downloads from proxy "ep" of server "T"
    Then task "D" received the payload of peer "EP" intact

  Scenario: toxics are listed, updated and removed as a Toxiproxy client sees them
    Given an evil peer "EP" serving 256 bytes
    And server "T" proxies "ep" to peer "EP"
    When the latency toxic is added to proxy "ep" on server "T" with:
      | name    | lag  |
      | latency | 3000 |
    And toxic "lag" of proxy "ep" on server "T" is updated with "latency=0"
    And task "C" downloads from proxy "ep" of server "T"
    Then proxy "ep" on server "T" lists the toxics "lag"
    And the transfer of task "C" took less than 2000 ms
    When toxic "lag" is removed from proxy "ep" on server "T"
    Then proxy "ep" on server "T" has no toxics

  Scenario: a toxic that would crash Toxiproxy gets a 400 naming the field and the proxy keeps serving
    Given an evil peer "EP" serving 256 bytes
    And server "T" proxies "ep" to peer "EP"
    When server "T" is sent POST "/proxies/ep/toxics" with:
      """
      {"type": "bandwidth", "attributes": {"rate": -1}}
      """
    Then the answer has status 400 and an error containing "bandwidth.rate"
    When task "C" downloads from proxy "ep" of server "T"
    Then task "C" received the payload of peer "EP" intact
