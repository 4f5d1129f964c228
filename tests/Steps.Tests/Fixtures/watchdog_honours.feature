# For WatchdogCutTests: a case that starts a server under test, an in-process flood and a forked one, pauses the
# server, then hangs in a step until the watchdog cuts it. Nothing of it may be left: no process, socket or folder.
Feature: Watchdog cut (honours the token)

  Scenario: a wait that honours the watchdog's token is cut
    Given server "WatchdogCut" runs "dotnet {bin}/lengthprefixed-server.dll --port {port}"
    And server "WatchdogCut" is probed with "length-prefixed"
    And evil client "E" holds 30 silent connections for 600000 ms
    And evil client "E" stops after 600000 ms
    And evil client "F" holds 10 silent connections for 600000 ms
    And evil client "F" stops after 600000 ms
    And evil client "F" runs as a forked client
    When evil client "E" attacks server "WatchdogCut"
    And evil client "F" attacks server "WatchdogCut"
    And evil client "E" has 30 connections open
    And evil client "F" has 10 connections open
    And server "WatchdogCut" gets SIGSTOP
    Then server "WatchdogCut" holds at least 1000 connections within 600000 ms
