# For BadInputTests: every scenario is a mistake a user makes with servers under test and evil clients; each must
# fail fast with a one-line reason that names what is wrong.
Feature: Bad input to servers under test and evil clients

  Scenario: a command that does not exist
    Given server "S" runs "no-such-chaos-server --port {port}"
    Then server "S" is alive

  Scenario: a program path that does not exist
    Given server "S" runs "./no/such/server --port {port}"
    Then server "S" is alive

  Scenario: a port never opened
    Given server "S" runs "sleep 30 {port}"
    And server "S" may take 1500 ms to start
    Then server "S" is alive

  Scenario: a server that exits before it listens
    Given server "S" runs "dotnet {bin}/lengthprefixed-server.dll --port {port} --max-frame -1"
    Then server "S" is alive

  Scenario: a negative rate
    Given evil client "E" trickles "GET" at -5 bytes/s

  Scenario: a negative connection count
    Given server "S" runs "dotnet {bin}/lengthprefixed-server.dll --port {port}"
    And evil client "E" holds -3 silent connections for 1000 ms
    When evil client "E" attacks server "S"

  Scenario: a start timeout out of range
    Given server "S" runs "dotnet {bin}/lengthprefixed-server.dll --port {port}"
    And server "S" may take 0 ms to start

  Scenario: an unknown signal
    Given server "S" runs "dotnet {bin}/lengthprefixed-server.dll --port {port}"
    When server "S" gets SIGFOO

  Scenario: an unknown probe
    Given server "S" runs "dotnet {bin}/lengthprefixed-server.dll --port {port}"
    And server "S" is probed with "ping-pong"

  Scenario: an unknown frame header
    Given evil client "E" declares a u24be frame of 100 bytes and waits 100 ms

  Scenario: a server nobody configured
    Given server "S" is the configured "nope" server

  Scenario: an unclosed quote
    Given server "S" runs "my-server '--port {port}"

  Scenario: a payload escape that does not exist
    Given evil client "E" trickles "a\qb" at 5 bytes/s

  Scenario: an evil client that never attacked
    Given server "S" runs "dotnet {bin}/lengthprefixed-server.dll --port {port}"
    And evil client "E" holds 1 silent connection for 1000 ms
    Then the server ended every connection of evil client "E"

  Scenario: a probe that does not fit the server
    Given server "S" runs "dotnet {bin}/lengthprefixed-server.dll --port {port}"
    And server "S" is probed with "redis-ping"
    Given server "S" is up
