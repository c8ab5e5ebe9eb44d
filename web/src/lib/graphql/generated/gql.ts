/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  fragment SessionUser on User {\n    id\n    email\n    displayName\n    role\n  }\n": typeof types.SessionUserFragmentDoc,
    "\n  fragment AuthPayloadFields on AuthPayload {\n    accessToken\n    refreshToken\n    expiresAt\n    user {\n      ...SessionUser\n    }\n    twoFactorEnrolmentRequired\n  }\n": typeof types.AuthPayloadFieldsFragmentDoc,
    "\n  mutation Login($email: String!, $password: String!, $device: String) {\n    login(email: $email, password: $password, device: $device) {\n      accessToken\n      refreshToken\n      expiresAt\n      user {\n        ...SessionUser\n      }\n      twoFactorEnrolmentRequired\n      secondFactor {\n        challengeToken\n        expiresAt\n      }\n    }\n  }\n": typeof types.LoginDocument,
    "\n  mutation CompleteSignIn($challengeToken: String!, $code: String!) {\n    completeSignIn(challengeToken: $challengeToken, code: $code) {\n      ...AuthPayloadFields\n    }\n  }\n": typeof types.CompleteSignInDocument,
    "\n  mutation RefreshSession($refreshToken: String!) {\n    refreshSession(refreshToken: $refreshToken) {\n      ...AuthPayloadFields\n    }\n  }\n": typeof types.RefreshSessionDocument,
    "\n  mutation Logout {\n    logout\n  }\n": typeof types.LogoutDocument,
    "\n  subscription SessionRevoked {\n    sessionRevoked {\n      sessionId\n      reason\n      current\n    }\n  }\n": typeof types.SessionRevokedDocument,
    "\n  fragment PageInfoFields on PageInfo {\n    hasNextPage\n    endCursor\n  }\n": typeof types.PageInfoFieldsFragmentDoc,
    "\n  fragment StoreAuditEntryFields on AuditEntry {\n    id\n    version\n    action\n    reason\n    changeId\n    createdAt\n    actor {\n      kind\n      user {\n        id\n        displayName\n      }\n    }\n    changes {\n      field\n      before\n      after\n    }\n  }\n": typeof types.StoreAuditEntryFieldsFragmentDoc,
    "\n  fragment StoreListItem on Store {\n    id\n    code\n    name\n    type\n    status\n    address {\n      city\n      country\n    }\n    provisioningProgress\n    version\n    updatedAt\n    tags\n  }\n": typeof types.StoreListItemFragmentDoc,
    "\n  fragment StoreDetail on Store {\n    ...StoreListItem\n    address {\n      line1\n      line2\n      city\n      region\n      postalCode\n      country\n    }\n    latitude\n    longitude\n    timezone\n    openedAt\n    network {\n      vlanId\n      subnet\n      gateway\n      dhcpRange {\n        start\n        end\n      }\n    }\n    networks {\n      id\n      purpose\n      name\n      vlanId\n      subnet\n      gateway\n      dhcpRange {\n        start\n        end\n      }\n    }\n    provisioningSteps {\n      key\n      title\n      done\n      doneAt\n      doneBy {\n        id\n        displayName\n      }\n      required\n    }\n    allowedTransitions\n    createdAt\n    createdBy {\n      id\n      displayName\n    }\n    templateVersion\n  }\n": typeof types.StoreDetailFragmentDoc,
    "\n  subscription StoreChanged($id: ID) {\n    storeChanged(id: $id) {\n      kind\n      storeId\n      changedFields\n      version\n      occurredAt\n      actor {\n        kind\n        user {\n          id\n          displayName\n        }\n      }\n      store {\n        ...StoreDetail\n      }\n    }\n  }\n": typeof types.StoreChangedDocument,
    "\n  fragment AssetDetail on Asset {\n    ...AssetSummary\n    notes\n    createdAt\n    updatedAt\n    store {\n      id\n      name\n      code\n    }\n  }\n": typeof types.AssetDetailFragmentDoc,
    "\n  query Assets($filter: AssetFilter, $first: Int, $after: String) {\n    assets(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        ...PageInfoFields\n      }\n      edges {\n        node {\n          ...AssetDetail\n        }\n      }\n    }\n  }\n": typeof types.AssetsDocument,
    "\n  fragment AssetHistory on Asset {\n    allocations {\n      store {\n        id\n        name\n        code\n      }\n      allocatedAt\n      allocatedBy\n      releasedAt\n      releasedBy\n    }\n  }\n": typeof types.AssetHistoryFragmentDoc,
    "\n  query Asset($id: ID!) {\n    asset(id: $id) {\n      ...AssetDetail\n      ...AssetHistory\n    }\n  }\n": typeof types.AssetDocument,
    "\n  mutation CreateAsset($input: CreateAssetInput!, $idempotencyKey: String) {\n    createAsset(input: $input, idempotencyKey: $idempotencyKey) {\n      ...AssetDetail\n    }\n  }\n": typeof types.CreateAssetDocument,
    "\n  mutation UpdateAsset($id: ID!, $input: UpdateAssetInput!) {\n    updateAsset(id: $id, input: $input) {\n      ...AssetDetail\n    }\n  }\n": typeof types.UpdateAssetDocument,
    "\n  mutation AllocateAsset($assetId: ID!, $storeId: ID!) {\n    allocateAsset(assetId: $assetId, storeId: $storeId) {\n      ...AssetSummary\n    }\n  }\n": typeof types.AllocateAssetDocument,
    "\n  mutation ReleaseAsset($assetId: ID!) {\n    releaseAsset(assetId: $assetId) {\n      ...AssetSummary\n      allocations {\n        store {\n          id\n        }\n        allocatedAt\n        releasedAt\n      }\n    }\n  }\n": typeof types.ReleaseAssetDocument,
    "\n  mutation MarkAssetFaulty($assetId: ID!, $notes: String) {\n    markAssetFaulty(assetId: $assetId, notes: $notes) {\n      ...AssetDetail\n      ...AssetHistory\n    }\n  }\n": typeof types.MarkAssetFaultyDocument,
    "\n  mutation RetireAsset($assetId: ID!) {\n    retireAsset(assetId: $assetId) {\n      ...AssetDetail\n      ...AssetHistory\n    }\n  }\n": typeof types.RetireAssetDocument,
    "\n  mutation ReleaseStoreAssets($storeId: ID!) {\n    releaseStoreAssets(storeId: $storeId) {\n      ...AssetSummary\n    }\n  }\n": typeof types.ReleaseStoreAssetsDocument,
    "\n  query StoreChoices($statuses: [StoreStatus!]) {\n    stores(filter: { statuses: $statuses }, first: 200) {\n      edges {\n        node {\n          id\n          code\n          name\n          status\n        }\n      }\n    }\n  }\n": typeof types.StoreChoicesDocument,
    "\n  query TwoFactorStatus {\n    twoFactorStatus {\n      enabled\n      enabledAt\n      recoveryCodesLeft\n      required\n    }\n  }\n": typeof types.TwoFactorStatusDocument,
    "\n  mutation BeginTwoFactorEnrolment {\n    beginTwoFactorEnrolment {\n      secret\n      otpauthUri\n    }\n  }\n": typeof types.BeginTwoFactorEnrolmentDocument,
    "\n  mutation ConfirmTwoFactorEnrolment($code: String!) {\n    confirmTwoFactorEnrolment(code: $code)\n  }\n": typeof types.ConfirmTwoFactorEnrolmentDocument,
    "\n  mutation RegenerateRecoveryCodes($code: String!) {\n    regenerateRecoveryCodes(code: $code)\n  }\n": typeof types.RegenerateRecoveryCodesDocument,
    "\n  mutation DisableTwoFactor($code: String!) {\n    disableTwoFactor(code: $code)\n  }\n": typeof types.DisableTwoFactorDocument,
    "\n  query StoreMetrics {\n    all: stores(first: 1) {\n      totalCount\n    }\n    draft: stores(filter: { statuses: [DRAFT] }, first: 1) {\n      totalCount\n    }\n    provisioning: stores(filter: { statuses: [PROVISIONING] }, first: 1) {\n      totalCount\n    }\n    active: stores(filter: { statuses: [ACTIVE] }, first: 1) {\n      totalCount\n    }\n    suspended: stores(filter: { statuses: [SUSPENDED] }, first: 1) {\n      totalCount\n    }\n    decommissioned: stores(filter: { statuses: [DECOMMISSIONED] }, first: 1) {\n      totalCount\n    }\n  }\n": typeof types.StoreMetricsDocument,
    "\n  query HardwareMetrics {\n    hubs {\n      id\n      status\n    }\n  }\n": typeof types.HardwareMetricsDocument,
    "\n  query DashboardOverview {\n    overview {\n      scope\n      devicesOnline\n      devicesTotal\n      hubsOffline\n      firingAlerts\n      eventsLastHour\n    }\n  }\n": typeof types.DashboardOverviewDocument,
    "\n  query DashboardHealth {\n    services {\n      name\n      kind\n      status\n      latencyMs\n      lastChangeAt\n    }\n  }\n": typeof types.DashboardHealthDocument,
    "\n  subscription DashboardHealthChanged {\n    serviceStatusChanged {\n      name\n      kind\n      status\n      latencyMs\n      lastChangeAt\n    }\n  }\n": typeof types.DashboardHealthChangedDocument,
    "\n  fragment ActivityItem on ActivityEntry {\n    id\n    kind\n    details\n    occurredAt\n    actorKind\n    actor {\n      id\n      displayName\n    }\n    store {\n      id\n      name\n    }\n  }\n": typeof types.ActivityItemFragmentDoc,
    "\n  query DashboardActivity {\n    activity(first: 15) {\n      edges {\n        node {\n          ...ActivityItem\n        }\n      }\n    }\n  }\n": typeof types.DashboardActivityDocument,
    "\n  subscription DashboardActivityAdded {\n    activityAdded {\n      ...ActivityItem\n    }\n  }\n": typeof types.DashboardActivityAddedDocument,
    "\n  query Device($id: ID!) {\n    device(id: $id) {\n      ...DeviceTile\n      hubDeviceId\n      lastEventAt\n    }\n  }\n": typeof types.DeviceDocument,
    "\n  query DeviceEvents($id: ID!, $first: Int, $name: String) {\n    device(id: $id) {\n      id\n      events(first: $first, name: $name) {\n        pageInfo {\n          ...PageInfoFields\n        }\n        edges {\n          cursor\n          node {\n            id\n            name\n            value\n            unit\n            description\n            source\n            receivedAt\n            sentBy {\n              kind\n              user {\n                id\n                displayName\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n": typeof types.DeviceEventsDocument,
    "\n  query NumericAttributes($id: ID!) {\n    device(id: $id) {\n      id\n      numericAttributes\n    }\n  }\n": typeof types.NumericAttributesDocument,
    "\n  query AttributeHistory($id: ID!, $name: String!, $range: HistoryRange!) {\n    device(id: $id) {\n      id\n      attributeHistory(name: $name, range: $range) {\n        name\n        range\n        unit\n        min\n        max\n        latest\n        points {\n          at\n          min\n          max\n          average\n        }\n      }\n    }\n  }\n": typeof types.AttributeHistoryDocument,
    "\n  fragment DeviceTile on Device {\n    id\n    label\n    name\n    type\n    room\n    capabilities\n    attributes {\n      name\n      value\n      unit\n      updatedAt\n    }\n    commands {\n      name\n      arguments\n    }\n    hub {\n      id\n      name\n      status\n    }\n    store {\n      id\n      name\n    }\n  }\n": typeof types.DeviceTileFragmentDoc,
    "\n  query Devices($filter: DeviceFilter, $first: Int) {\n    devices(filter: $filter, first: $first) {\n      totalCount\n      pageInfo {\n        ...PageInfoFields\n      }\n      edges {\n        node {\n          ...DeviceTile\n        }\n      }\n    }\n  }\n": typeof types.DevicesDocument,
    "\n  mutation SendDeviceCommand($deviceId: ID!, $command: String!, $args: [String!]) {\n    sendDeviceCommand(deviceId: $deviceId, command: $command, args: $args) {\n      command\n      arguments\n      sentAt\n      confirmBy\n      device {\n        id\n      }\n    }\n  }\n": typeof types.SendDeviceCommandDocument,
    "\n  subscription DeviceEventLive($deviceId: ID, $hubId: ID) {\n    deviceEvent(deviceId: $deviceId, hubId: $hubId) {\n      id\n      name\n      value\n      unit\n      source\n      receivedAt\n      device {\n        id\n        attributes {\n          name\n          value\n          unit\n          updatedAt\n        }\n      }\n    }\n  }\n": typeof types.DeviceEventLiveDocument,
    "\n  subscription HubStatusLive($hubId: ID) {\n    hubStatusChanged(hubId: $hubId) {\n      status\n      previousStatus\n      changedAt\n      hub {\n        id\n        status\n        lastSeenAt\n        mode\n      }\n    }\n  }\n": typeof types.HubStatusLiveDocument,
    "\n  query HubDiagnostics($id: ID!) {\n    hub(id: $id) {\n      id\n      name\n      status\n      diagnostics {\n        lastEventAt\n        lastRepairAt\n        postUrlPointsHere\n        expectedPostUrl\n        warnings {\n          code\n          message\n        }\n      }\n    }\n  }\n": typeof types.HubDiagnosticsDocument,
    "\n  mutation TestHubEvents($hubId: ID!) {\n    testHubEvents(hubId: $hubId) {\n      ok\n      roundTripMs\n      message\n    }\n  }\n": typeof types.TestHubEventsDocument,
    "\n  query HubDetail($id: ID!) {\n    hub(id: $id) {\n      id\n      name\n      baseUrl\n      appId\n      status\n      lastSeenAt\n      mode\n      hsmStatus\n      store {\n        id\n        name\n      }\n      devices {\n        id\n      }\n      variables {\n        name\n        type\n        value\n        updatedAt\n      }\n      events(first: 30) {\n        id\n        kind\n        name\n        value\n        receivedAt\n      }\n    }\n  }\n": typeof types.HubDetailDocument,
    "\n  query HubModes($id: ID!) {\n    hub(id: $id) {\n      id\n      modes\n    }\n  }\n": typeof types.HubModesDocument,
    "\n  mutation SetHubMode($hubId: ID!, $mode: String!) {\n    setHubMode(hubId: $hubId, mode: $mode) {\n      id\n      mode\n    }\n  }\n": typeof types.SetHubModeDocument,
    "\n  mutation SetHsm($hubId: ID!, $arm: HsmCommand!) {\n    setHsm(hubId: $hubId, arm: $arm) {\n      id\n      hsmStatus\n    }\n  }\n": typeof types.SetHsmDocument,
    "\n  mutation SetHubVariable($hubId: ID!, $name: String!, $value: String!) {\n    setHubVariable(hubId: $hubId, name: $name, value: $value) {\n      name\n      type\n      value\n      updatedAt\n    }\n  }\n": typeof types.SetHubVariableDocument,
    "\n  subscription HubEventStream($hubId: ID!) {\n    hubEvent(hubId: $hubId) {\n      id\n      kind\n      name\n      value\n      receivedAt\n    }\n  }\n": typeof types.HubEventStreamDocument,
    "\n  fragment HubRow on Hub {\n    id\n    name\n    baseUrl\n    appId\n    status\n    lastSeenAt\n    mode\n    createdAt\n    devices {\n      id\n    }\n    store {\n      id\n      name\n    }\n  }\n": typeof types.HubRowFragmentDoc,
    "\n  query Hubs {\n    hubs {\n      ...HubRow\n    }\n  }\n": typeof types.HubsDocument,
    "\n  query HubStoreOptions {\n    stores(\n      first: 200\n      filter: { statuses: [DRAFT, PROVISIONING, ACTIVE, SUSPENDED] }\n      orderBy: { field: NAME, direction: ASC }\n    ) {\n      edges {\n        node {\n          id\n          name\n          code\n        }\n      }\n    }\n  }\n": typeof types.HubStoreOptionsDocument,
    "\n  mutation RegisterHub($input: RegisterHubInput!) {\n    registerHub(input: $input) {\n      ...HubRow\n    }\n  }\n": typeof types.RegisterHubDocument,
    "\n  mutation SyncHub($id: ID!) {\n    syncHub(id: $id) {\n      ...HubRow\n    }\n  }\n": typeof types.SyncHubDocument,
    "\n  mutation RemoveHub($id: ID!) {\n    removeHub(id: $id)\n  }\n": typeof types.RemoveHubDocument,
    "\n  fragment SceneRunFields on SceneRun {\n    id\n    trigger\n    outcome\n    late\n    startedAt\n    finishedAt\n    scheduledFor\n    results {\n      position\n      deviceLabel\n      command\n      arguments\n      ok\n      errorCode\n      error\n    }\n  }\n": typeof types.SceneRunFieldsFragmentDoc,
    "\n  fragment SceneFields on Scene {\n    id\n    name\n    store {\n      id\n      name\n    }\n    actions {\n      position\n      command\n      arguments\n      device {\n        id\n        label\n      }\n    }\n    lastRun {\n      ...SceneRunFields\n    }\n  }\n": typeof types.SceneFieldsFragmentDoc,
    "\n  query Scenes {\n    scenes {\n      ...SceneFields\n    }\n  }\n": typeof types.ScenesDocument,
    "\n  query CommandTargets {\n    devices(first: 200) {\n      edges {\n        node {\n          id\n          label\n          hub {\n            id\n            name\n          }\n          commands {\n            name\n            arguments\n          }\n        }\n      }\n    }\n    stores(first: 200, orderBy: { field: NAME, direction: ASC }) {\n      edges {\n        node {\n          id\n          name\n          timezone\n          latitude\n          longitude\n        }\n      }\n    }\n  }\n": typeof types.CommandTargetsDocument,
    "\n  mutation CreateScene($input: SceneInput!) {\n    createScene(input: $input) {\n      ...SceneFields\n    }\n  }\n": typeof types.CreateSceneDocument,
    "\n  mutation UpdateScene($id: ID!, $input: SceneInput!) {\n    updateScene(id: $id, input: $input) {\n      ...SceneFields\n    }\n  }\n": typeof types.UpdateSceneDocument,
    "\n  mutation DeleteScene($id: ID!) {\n    deleteScene(id: $id)\n  }\n": typeof types.DeleteSceneDocument,
    "\n  mutation RunScene($id: ID!) {\n    runScene(id: $id) {\n      ...SceneRunFields\n      scene {\n        id\n        lastRun {\n          id\n        }\n      }\n    }\n  }\n": typeof types.RunSceneDocument,
    "\n  fragment ScheduleFields on Schedule {\n    id\n    name\n    enabled\n    scene {\n      id\n      name\n    }\n    device {\n      id\n      label\n    }\n    command\n    arguments\n    timing\n    cron\n    offsetMinutes\n    timeZone\n    latitude\n    longitude\n    store {\n      id\n      name\n    }\n    nextRunAt\n    lastRun {\n      ...SceneRunFields\n    }\n  }\n": typeof types.ScheduleFieldsFragmentDoc,
    "\n  query Schedules {\n    schedules {\n      ...ScheduleFields\n    }\n    scenes {\n      id\n      name\n    }\n  }\n": typeof types.SchedulesDocument,
    "\n  query ScheduleRuns($id: ID!, $after: String) {\n    schedule(id: $id) {\n      id\n      runs(first: 10, after: $after) {\n        edges {\n          node {\n            ...SceneRunFields\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n": typeof types.ScheduleRunsDocument,
    "\n  mutation CreateSchedule($input: ScheduleInput!) {\n    createSchedule(input: $input) {\n      ...ScheduleFields\n    }\n  }\n": typeof types.CreateScheduleDocument,
    "\n  mutation UpdateSchedule($id: ID!, $input: ScheduleInput!) {\n    updateSchedule(id: $id, input: $input) {\n      ...ScheduleFields\n    }\n  }\n": typeof types.UpdateScheduleDocument,
    "\n  mutation SetScheduleEnabled($id: ID!, $enabled: Boolean!) {\n    setScheduleEnabled(id: $id, enabled: $enabled) {\n      id\n      enabled\n      nextRunAt\n    }\n  }\n": typeof types.SetScheduleEnabledDocument,
    "\n  mutation DeleteSchedule($id: ID!) {\n    deleteSchedule(id: $id)\n  }\n": typeof types.DeleteScheduleDocument,
    "\n  query AssetImportTemplate {\n    assetImportTemplate\n  }\n": typeof types.AssetImportTemplateDocument,
    "\n  mutation ImportAssets($csv: String!, $apply: Boolean) {\n    importAssets(csv: $csv, apply: $apply) {\n      valid\n      rowCount\n      errors {\n        row\n        column\n        code\n        message\n      }\n      created {\n        id\n        serialNumber\n        model\n      }\n    }\n  }\n": typeof types.ImportAssetsDocument,
    "\n  mutation AddHouseholdMember($householdId: ID!, $userId: ID!) {\n    addHouseholdMember(householdId: $householdId, userId: $userId) {\n      ...HouseholdFields\n    }\n  }\n": typeof types.AddHouseholdMemberDocument,
    "\n  mutation RemoveHouseholdMember($householdId: ID!, $userId: ID!) {\n    removeHouseholdMember(householdId: $householdId, userId: $userId) {\n      ...HouseholdFields\n    }\n  }\n": typeof types.RemoveHouseholdMemberDocument,
    "\n  query HouseholdCandidates {\n    users(first: 100) {\n      edges {\n        node {\n          id\n          displayName\n          email\n          deactivatedAt\n        }\n      }\n    }\n  }\n": typeof types.HouseholdCandidatesDocument,
    "\n  mutation SetHouseholdAisles($aisles: [String!]!) {\n    setHouseholdAisles(aisles: $aisles) {\n      id\n      aisles\n    }\n  }\n": typeof types.SetHouseholdAislesDocument,
    "\n  mutation SetHouseholdUnitsPreference($units: MeasurementSystem!) {\n    setHouseholdUnits(units: $units) {\n      id\n      units\n    }\n  }\n": typeof types.SetHouseholdUnitsPreferenceDocument,
    "\n  fragment HouseholdFields on Household {\n    id\n    name\n    timeZone\n    units\n    createdAt\n    owner {\n      id\n      displayName\n    }\n    members {\n      id\n      displayName\n    }\n  }\n": typeof types.HouseholdFieldsFragmentDoc,
    "\n  query MyHousehold {\n    myHousehold {\n      ...HouseholdFields\n    }\n  }\n": typeof types.MyHouseholdDocument,
    "\n  mutation CreateHousehold($name: String!, $timeZone: String) {\n    createHousehold(name: $name, timeZone: $timeZone) {\n      ...HouseholdFields\n    }\n  }\n": typeof types.CreateHouseholdDocument,
    "\n  fragment RecipeCard on Recipe {\n    id\n    title\n    servings\n    prepMinutes\n    cookMinutes\n    totalMinutes\n    tags\n    imageUrl\n  }\n": typeof types.RecipeCardFragmentDoc,
    "\n  fragment IngredientFields on Ingredient {\n    quantity\n    unit\n    food\n    note\n    position\n    raw\n  }\n": typeof types.IngredientFieldsFragmentDoc,
    "\n  fragment RecipeDetail on Recipe {\n    ...RecipeCard\n    description\n    sourceUrl\n    imageUrl\n    createdAt\n    updatedAt\n    createdBy {\n      id\n      displayName\n    }\n    ingredients {\n      ...IngredientFields\n    }\n    steps {\n      position\n      text\n    }\n    nutrition {\n      calories\n      protein\n      carbs\n      fat\n    }\n  }\n": typeof types.RecipeDetailFragmentDoc,
    "\n  fragment MealPlanEntryFields on MealPlanEntry {\n    id\n    date\n    slot\n    servings\n    note\n    recipe {\n      id\n      title\n      totalMinutes\n    }\n  }\n": typeof types.MealPlanEntryFieldsFragmentDoc,
    "\n  fragment ShoppingItemFields on ShoppingItem {\n    id\n    food\n    quantity\n    unit\n    label\n    category\n    note\n    manual\n    checked\n    checkedAt\n    checkedBy {\n      id\n      displayName\n    }\n    sources {\n      title\n      quantity\n      unit\n      recipe {\n        id\n      }\n    }\n  }\n": typeof types.ShoppingItemFieldsFragmentDoc,
    "\n  subscription MealPlanChanged($weekStart: Date!) {\n    mealPlanChanged(weekStart: $weekStart) {\n      kind\n      date\n      slot\n      entry {\n        ...MealPlanEntryFields\n      }\n    }\n  }\n": typeof types.MealPlanChangedDocument,
    "\n  subscription ShoppingListChanged($listId: ID!) {\n    shoppingListChanged(listId: $listId) {\n      listId\n      kind\n      item {\n        ...ShoppingItemFields\n      }\n    }\n  }\n": typeof types.ShoppingListChangedDocument,
    "\n  fragment PantryItemFields on PantryItem {\n    id\n    food\n    quantity\n    unit\n    label\n    updatedAt\n  }\n": typeof types.PantryItemFieldsFragmentDoc,
    "\n  query Pantry {\n    pantry {\n      ...PantryItemFields\n    }\n  }\n": typeof types.PantryDocument,
    "\n  query WhatCanIMake($maxMissing: Int) {\n    whatCanIMake(maxMissing: $maxMissing) {\n      recipe {\n        id\n        title\n      }\n      missing\n    }\n  }\n": typeof types.WhatCanIMakeDocument,
    "\n  mutation AddPantryItem($input: PantryItemInput!) {\n    addPantryItem(input: $input) {\n      ...PantryItemFields\n    }\n  }\n": typeof types.AddPantryItemDocument,
    "\n  mutation UpdatePantryItem($id: ID!, $input: PantryItemInput!) {\n    updatePantryItem(id: $id, input: $input) {\n      ...PantryItemFields\n    }\n  }\n": typeof types.UpdatePantryItemDocument,
    "\n  mutation RemovePantryItem($id: ID!) {\n    removePantryItem(id: $id)\n  }\n": typeof types.RemovePantryItemDocument,
    "\n  query MealPlan($weekStart: Date!) {\n    mealPlan(weekStart: $weekStart) {\n      weekStart\n      entries {\n        ...MealPlanEntryFields\n      }\n    }\n  }\n": typeof types.MealPlanDocument,
    "\n  mutation SetMealPlanEntry($input: MealPlanEntryInput!) {\n    setMealPlanEntry(input: $input) {\n      ...MealPlanEntryFields\n    }\n  }\n": typeof types.SetMealPlanEntryDocument,
    "\n  mutation RemoveMealPlanEntry($id: ID!) {\n    removeMealPlanEntry(id: $id)\n  }\n": typeof types.RemoveMealPlanEntryDocument,
    "\n  mutation SuggestMealPlan($weekStart: Date!) {\n    suggestMealPlan(weekStart: $weekStart) {\n      weekStart\n      entries {\n        ...MealPlanEntryFields\n      }\n    }\n  }\n": typeof types.SuggestMealPlanDocument,
    "\n  mutation CopyWeek($from: Date!, $to: Date!) {\n    copyWeek(from: $from, to: $to) {\n      weekStart\n      entries {\n        ...MealPlanEntryFields\n      }\n    }\n  }\n": typeof types.CopyWeekDocument,
    "\n  query RecipeImageUrl($id: ID!) {\n    recipe(id: $id) {\n      id\n      imageUrl\n    }\n  }\n": typeof types.RecipeImageUrlDocument,
    "\n  query Recipes($filter: RecipeFilter, $first: Int, $after: String) {\n    recipes(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        ...PageInfoFields\n      }\n      edges {\n        cursor\n        node {\n          ...RecipeCard\n        }\n      }\n    }\n  }\n": typeof types.RecipesDocument,
    "\n  query Recipe($id: ID!) {\n    recipe(id: $id) {\n      ...RecipeDetail\n    }\n  }\n": typeof types.RecipeDocument,
    "\n  query ScaledIngredients($id: ID!, $servings: Int!, $units: MeasurementSystem) {\n    recipe(id: $id) {\n      id\n      scaled(servings: $servings) {\n        ...IngredientFields\n        display(units: $units) {\n          text\n          converted\n        }\n      }\n    }\n  }\n": typeof types.ScaledIngredientsDocument,
    "\n  query RecipeAmounts($id: ID!, $units: MeasurementSystem) {\n    recipe(id: $id) {\n      id\n      ingredients {\n        position\n        display(units: $units) {\n          text\n          converted\n        }\n      }\n    }\n  }\n": typeof types.RecipeAmountsDocument,
    "\n  mutation CreateRecipe($input: RecipeInput!) {\n    createRecipe(input: $input) {\n      ...RecipeDetail\n    }\n  }\n": typeof types.CreateRecipeDocument,
    "\n  mutation UpdateRecipe($id: ID!, $input: RecipeInput!) {\n    updateRecipe(id: $id, input: $input) {\n      ...RecipeDetail\n    }\n  }\n": typeof types.UpdateRecipeDocument,
    "\n  mutation DeleteRecipe($id: ID!) {\n    deleteRecipe(id: $id)\n  }\n": typeof types.DeleteRecipeDocument,
    "\n  mutation ImportRecipe($url: String, $html: String) {\n    importRecipe(url: $url, html: $html) {\n      ...RecipeDetail\n    }\n  }\n": typeof types.ImportRecipeDocument,
    "\n  mutation PreviewRecipeImport($url: String, $html: String) {\n    previewRecipeImport(url: $url, html: $html) {\n      title\n      description\n      servings\n      prepMinutes\n      cookMinutes\n      ingredients {\n        position\n        raw\n      }\n      steps\n      tags\n      sourceUrl\n      imageUrl\n      nutrition {\n        calories\n        protein\n        carbs\n        fat\n      }\n      warnings {\n        code\n        field\n        message\n      }\n    }\n  }\n": typeof types.PreviewRecipeImportDocument,
    "\n  mutation ImportRecipes($urls: [String!]!) {\n    importRecipes(urls: $urls) {\n      url\n      recipe {\n        id\n        title\n      }\n      error {\n        code\n        message\n      }\n    }\n  }\n": typeof types.ImportRecipesDocument,
    "\n  query AllShoppingLists($includeArchived: Boolean) {\n    shoppingLists(first: 100, includeArchived: $includeArchived) {\n      id\n      name\n      weekStart\n      archived\n      createdAt\n    }\n  }\n": typeof types.AllShoppingListsDocument,
    "\n  query ShoppingAisles {\n    myHousehold {\n      id\n      aisles\n    }\n  }\n": typeof types.ShoppingAislesDocument,
    "\n  mutation CreateShoppingList($name: String!) {\n    createShoppingList(name: $name) {\n      id\n      name\n      archived\n    }\n  }\n": typeof types.CreateShoppingListDocument,
    "\n  mutation RenameShoppingList($id: ID!, $name: String!) {\n    renameShoppingList(id: $id, name: $name) {\n      id\n      name\n    }\n  }\n": typeof types.RenameShoppingListDocument,
    "\n  mutation ArchiveShoppingList($id: ID!, $archived: Boolean!) {\n    archiveShoppingList(id: $id, archived: $archived) {\n      id\n      archived\n    }\n  }\n": typeof types.ArchiveShoppingListDocument,
    "\n  mutation DeleteShoppingList($id: ID!) {\n    deleteShoppingList(id: $id)\n  }\n": typeof types.DeleteShoppingListDocument,
    "\n  mutation UpdateShoppingItem($itemId: ID!, $input: ShoppingItemInput!) {\n    updateShoppingItem(itemId: $itemId, input: $input) {\n      ...ShoppingItemFields\n    }\n  }\n": typeof types.UpdateShoppingItemDocument,
    "\n  mutation DeleteShoppingItem($itemId: ID!) {\n    deleteShoppingItem(itemId: $itemId)\n  }\n": typeof types.DeleteShoppingItemDocument,
    "\n  subscription ShoppingListsChanged {\n    shoppingListsChanged {\n      kind\n      listId\n      list {\n        id\n        name\n        archived\n      }\n    }\n  }\n": typeof types.ShoppingListsChangedDocument,
    "\n  query ShoppingLists($first: Int) {\n    shoppingLists(first: $first) {\n      id\n      name\n      weekStart\n      createdAt\n    }\n  }\n": typeof types.ShoppingListsDocument,
    "\n  fragment ShoppingListFields on ShoppingList {\n    id\n    name\n    weekStart\n    createdAt\n    items {\n      ...ShoppingItemFields\n    }\n  }\n": typeof types.ShoppingListFieldsFragmentDoc,
    "\n  query ShoppingList($id: ID!) {\n    shoppingList(id: $id) {\n      ...ShoppingListFields\n    }\n  }\n": typeof types.ShoppingListDocument,
    "\n  mutation GenerateShoppingList($weekStart: Date!) {\n    generateShoppingList(weekStart: $weekStart) {\n      ...ShoppingListFields\n    }\n  }\n": typeof types.GenerateShoppingListDocument,
    "\n  mutation AddShoppingItem($listId: ID!, $text: String!) {\n    addShoppingItem(listId: $listId, text: $text) {\n      ...ShoppingItemFields\n    }\n  }\n": typeof types.AddShoppingItemDocument,
    "\n  mutation SetHouseholdUnits($units: MeasurementSystem!) {\n    setHouseholdUnits(units: $units) {\n      id\n      units\n    }\n  }\n": typeof types.SetHouseholdUnitsDocument,
    "\n  mutation ToggleShoppingItem($itemId: ID!, $checked: Boolean!) {\n    toggleShoppingItem(itemId: $itemId, checked: $checked) {\n      ...ShoppingItemFields\n    }\n  }\n": typeof types.ToggleShoppingItemDocument,
    "\n  fragment AlertFields on Alert {\n    id\n    subject\n    status\n    summary\n    silenced\n    startedAt\n    firedAt\n    resolvedAt\n    acknowledgedAt\n    acknowledgedBy {\n      id\n      displayName\n    }\n    note\n    ruleName\n    reopenCount\n    lastReopenedAt\n    rule {\n      id\n      name\n      kind\n    }\n    notifications {\n      channel\n      target\n      transition\n      attempt\n      ok\n      httpStatus\n      error\n      attemptedAt\n    }\n  }\n": typeof types.AlertFieldsFragmentDoc,
    "\n  query MonitoringAlerts($status: AlertStatus, $first: Int, $after: String) {\n    alerts(status: $status, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        ...PageInfoFields\n      }\n      edges {\n        cursor\n        node {\n          ...AlertFields\n        }\n      }\n    }\n  }\n": typeof types.MonitoringAlertsDocument,
    "\n  query MonitoringFiringAlertCount {\n    alerts(status: FIRING, first: 1) {\n      totalCount\n    }\n  }\n": typeof types.MonitoringFiringAlertCountDocument,
    "\n  subscription MonitoringAlertChanged {\n    alertChanged {\n      ...AlertFields\n    }\n  }\n": typeof types.MonitoringAlertChangedDocument,
    "\n  mutation AcknowledgeAlert($id: ID!, $note: String) {\n    acknowledgeAlert(id: $id, note: $note) {\n      ...AlertFields\n    }\n  }\n": typeof types.AcknowledgeAlertDocument,
    "\n  fragment NotificationChannelFields on NotificationChannel {\n    id\n    name\n    kind\n    target\n    hasSecret\n    enabled\n    createdAt\n    lastTest {\n      at\n      ok\n      httpStatus\n      error\n    }\n  }\n": typeof types.NotificationChannelFieldsFragmentDoc,
    "\n  query MonitoringNotificationChannels {\n    notificationChannels {\n      ...NotificationChannelFields\n    }\n  }\n": typeof types.MonitoringNotificationChannelsDocument,
    "\n  mutation CreateNotificationChannel($input: NotificationChannelInput!) {\n    createNotificationChannel(input: $input) {\n      ...NotificationChannelFields\n    }\n  }\n": typeof types.CreateNotificationChannelDocument,
    "\n  mutation UpdateNotificationChannel($id: ID!, $input: NotificationChannelPatch!) {\n    updateNotificationChannel(id: $id, input: $input) {\n      ...NotificationChannelFields\n    }\n  }\n": typeof types.UpdateNotificationChannelDocument,
    "\n  mutation DeleteNotificationChannel($id: ID!) {\n    deleteNotificationChannel(id: $id)\n  }\n": typeof types.DeleteNotificationChannelDocument,
    "\n  mutation SendTestNotification($id: ID!) {\n    sendTestNotification(id: $id) {\n      at\n      ok\n      httpStatus\n      error\n    }\n  }\n": typeof types.SendTestNotificationDocument,
    "\n  fragment ServiceStatusFields on ServiceStatus {\n    name\n    displayName\n    kind\n    status\n    latencyMs\n    error\n    lastCheckedAt\n    lastChangeAt\n    uptimeDay: uptime(window: DAY)\n    uptimeWeek: uptime(window: WEEK)\n    uptimeMonth: uptime(window: MONTH)\n    maintenance {\n      id\n      title\n      nextEndsAt\n    }\n  }\n": typeof types.ServiceStatusFieldsFragmentDoc,
    "\n  fragment ServiceCheckFields on ServiceCheck {\n    status\n    latencyMs\n    error\n    checkedAt\n  }\n": typeof types.ServiceCheckFieldsFragmentDoc,
    "\n  query MonitoringServices($from: DateTime!) {\n    services {\n      ...ServiceStatusFields\n      recent: history(from: $from) {\n        ...ServiceCheckFields\n      }\n    }\n  }\n": typeof types.MonitoringServicesDocument,
    "\n  query MonitoringServiceHistory($from: DateTime!, $to: DateTime) {\n    services {\n      name\n      history(from: $from, to: $to) {\n        ...ServiceCheckFields\n      }\n    }\n  }\n": typeof types.MonitoringServiceHistoryDocument,
    "\n  query MonitoringCircuitBreakers {\n    circuitBreakers {\n      service\n      name\n      state\n      failures\n      lastChangeAt\n    }\n  }\n": typeof types.MonitoringCircuitBreakersDocument,
    "\n  subscription MonitoringServiceStatusChanged {\n    serviceStatusChanged {\n      ...ServiceStatusFields\n    }\n  }\n": typeof types.MonitoringServiceStatusChangedDocument,
    "\n  mutation ResetCircuitBreaker($service: String!, $name: String!, $reason: String!) {\n    resetCircuitBreaker(service: $service, name: $name, reason: $reason) {\n      service\n      name\n      state\n      failures\n      lastChangeAt\n    }\n  }\n": typeof types.ResetCircuitBreakerDocument,
    "\n  fragment IncidentFields on Incident {\n    id\n    title\n    status\n    impact\n    createdAt\n    resolvedAt\n    everyStatusPage\n    statusPages {\n      id\n      title\n    }\n    updates {\n      id\n      status\n      message\n      createdAt\n    }\n  }\n": typeof types.IncidentFieldsFragmentDoc,
    "\n  query MonitoringIncidents {\n    incidents {\n      ...IncidentFields\n    }\n    statusPages {\n      id\n      title\n      slug\n    }\n  }\n": typeof types.MonitoringIncidentsDocument,
    "\n  mutation CreateIncident($input: IncidentInput!) {\n    createIncident(input: $input) {\n      ...IncidentFields\n    }\n  }\n": typeof types.CreateIncidentDocument,
    "\n  mutation PostIncidentUpdate($incidentId: ID!, $status: IncidentStatus!, $message: String!) {\n    postIncidentUpdate(incidentId: $incidentId, status: $status, message: $message) {\n      ...IncidentFields\n    }\n  }\n": typeof types.PostIncidentUpdateDocument,
    "\n  fragment MaintenanceWindowFields on MaintenanceWindow {\n    id\n    title\n    description\n    scope\n    store {\n      id\n      name\n    }\n    subjects\n    startsAt\n    endsAt\n    recurrence {\n      kind\n      weekdays\n      startTime\n      durationMinutes\n      cron\n    }\n    timeZone\n    activeNow\n    nextStartsAt\n    nextEndsAt\n    createdAt\n    createdBy {\n      id\n      displayName\n    }\n  }\n": typeof types.MaintenanceWindowFieldsFragmentDoc,
    "\n  query MaintenanceWindows {\n    maintenanceWindows {\n      ...MaintenanceWindowFields\n    }\n  }\n": typeof types.MaintenanceWindowsDocument,
    "\n  query MaintenanceChoices {\n    services {\n      name\n    }\n    stores(first: 100) {\n      edges {\n        node {\n          id\n          name\n        }\n      }\n    }\n  }\n": typeof types.MaintenanceChoicesDocument,
    "\n  mutation CreateMaintenanceWindow($input: MaintenanceWindowInput!) {\n    createMaintenanceWindow(input: $input) {\n      ...MaintenanceWindowFields\n    }\n  }\n": typeof types.CreateMaintenanceWindowDocument,
    "\n  mutation UpdateMaintenanceWindow($id: ID!, $input: MaintenanceWindowInput!) {\n    updateMaintenanceWindow(id: $id, input: $input) {\n      ...MaintenanceWindowFields\n    }\n  }\n": typeof types.UpdateMaintenanceWindowDocument,
    "\n  mutation DeleteMaintenanceWindow($id: ID!) {\n    deleteMaintenanceWindow(id: $id)\n  }\n": typeof types.DeleteMaintenanceWindowDocument,
    "\n  fragment MonitorFields on Monitor {\n    id\n    name\n    kind\n    target\n    port\n    dnsRecordType\n    dnsExpected\n    intervalSeconds\n    timeoutMs\n    retries\n    enabled\n    certificateExpiresAt\n    createdAt\n    updatedAt\n    store {\n      id\n      name\n      code\n    }\n    http {\n      method\n      expectedStatusMin\n      expectedStatusMax\n      keyword\n      jsonPath\n      jsonExpected\n      followRedirects\n      certificateExpiryDays\n      ignoreTls\n    }\n    status {\n      ...ServiceStatusFields\n    }\n  }\n": typeof types.MonitorFieldsFragmentDoc,
    "\n  query Monitors($storeId: ID, $from: DateTime!) {\n    monitors(storeId: $storeId) {\n      ...MonitorFields\n      status {\n        name\n        recent: history(from: $from) {\n          ...ServiceCheckFields\n        }\n      }\n    }\n  }\n": typeof types.MonitorsDocument,
    "\n  query Monitor($id: ID!, $from: DateTime!) {\n    monitor(id: $id) {\n      ...MonitorFields\n      pushUrl\n      status {\n        name\n        recent: history(from: $from) {\n          ...ServiceCheckFields\n        }\n      }\n    }\n  }\n": typeof types.MonitorDocument,
    "\n  mutation CreateMonitor($input: MonitorInput!) {\n    createMonitor(input: $input) {\n      ...MonitorFields\n      pushUrl\n    }\n  }\n": typeof types.CreateMonitorDocument,
    "\n  mutation UpdateMonitor($id: ID!, $input: UpdateMonitorInput!) {\n    updateMonitor(id: $id, input: $input) {\n      ...MonitorFields\n    }\n  }\n": typeof types.UpdateMonitorDocument,
    "\n  mutation DeleteMonitor($id: ID!) {\n    deleteMonitor(id: $id)\n  }\n": typeof types.DeleteMonitorDocument,
    "\n  mutation RotatePushUrl($id: ID!) {\n    rotatePushUrl(id: $id) {\n      id\n      pushUrl\n    }\n  }\n": typeof types.RotatePushUrlDocument,
    "\n  mutation CheckMonitorNow($id: ID!) {\n    checkMonitorNow(id: $id) {\n      ...MonitorFields\n    }\n  }\n": typeof types.CheckMonitorNowDocument,
    "\n  fragment AlertRuleFields on AlertRule {\n    id\n    name\n    kind\n    target\n    thresholdMs\n    thresholdPercent\n    consecutiveChecks\n    forSeconds\n    enabled\n    repeatIntervalSeconds\n    channels {\n      id\n      name\n    }\n  }\n": typeof types.AlertRuleFieldsFragmentDoc,
    "\n  query MonitoringRuleChannels {\n    notificationChannels {\n      id\n      name\n      enabled\n    }\n  }\n": typeof types.MonitoringRuleChannelsDocument,
    "\n  query MonitoringAlertRules {\n    alertRules {\n      ...AlertRuleFields\n    }\n  }\n": typeof types.MonitoringAlertRulesDocument,
    "\n  query MonitoringRuleTargets {\n    services {\n      name\n    }\n    circuitBreakers {\n      service\n      name\n    }\n  }\n": typeof types.MonitoringRuleTargetsDocument,
    "\n  query MonitoringRuleHubs {\n    hubs {\n      id\n      name\n    }\n  }\n": typeof types.MonitoringRuleHubsDocument,
    "\n  mutation CreateAlertRule($input: AlertRuleInput!) {\n    createAlertRule(input: $input) {\n      ...AlertRuleFields\n    }\n  }\n": typeof types.CreateAlertRuleDocument,
    "\n  mutation UpdateAlertRule($id: ID!, $input: AlertRulePatch!) {\n    updateAlertRule(id: $id, input: $input) {\n      ...AlertRuleFields\n    }\n  }\n": typeof types.UpdateAlertRuleDocument,
    "\n  mutation DeleteAlertRule($id: ID!) {\n    deleteAlertRule(id: $id)\n  }\n": typeof types.DeleteAlertRuleDocument,
    "\n  fragment SilenceFields on Silence {\n    id\n    matcher\n    until\n    reason\n    createdAt\n    createdBy {\n      id\n      displayName\n    }\n  }\n": typeof types.SilenceFieldsFragmentDoc,
    "\n  query MonitoringSilences {\n    silences {\n      ...SilenceFields\n    }\n  }\n": typeof types.MonitoringSilencesDocument,
    "\n  mutation CreateSilence($matcher: String!, $until: DateTime!, $reason: String!) {\n    createSilence(matcher: $matcher, until: $until, reason: $reason) {\n      ...SilenceFields\n    }\n  }\n": typeof types.CreateSilenceDocument,
    "\n  mutation UpdateSilence($id: ID!, $input: SilencePatch!) {\n    updateSilence(id: $id, input: $input) {\n      ...SilenceFields\n    }\n  }\n": typeof types.UpdateSilenceDocument,
    "\n  mutation ExpireSilence($id: ID!) {\n    expireSilence(id: $id) {\n      ...SilenceFields\n    }\n  }\n": typeof types.ExpireSilenceDocument,
    "\n  fragment StatusPageFields on StatusPage {\n    id\n    slug\n    title\n    description\n    published\n    components {\n      subject\n      displayName\n    }\n  }\n": typeof types.StatusPageFieldsFragmentDoc,
    "\n  query MonitoringStatusPages {\n    statusPages {\n      ...StatusPageFields\n    }\n    services {\n      name\n      displayName\n      kind\n    }\n  }\n": typeof types.MonitoringStatusPagesDocument,
    "\n  mutation CreateStatusPage($input: StatusPageInput!) {\n    createStatusPage(input: $input) {\n      ...StatusPageFields\n    }\n  }\n": typeof types.CreateStatusPageDocument,
    "\n  mutation UpdateStatusPage($id: ID!, $input: UpdateStatusPageInput!) {\n    updateStatusPage(id: $id, input: $input) {\n      ...StatusPageFields\n    }\n  }\n": typeof types.UpdateStatusPageDocument,
    "\n  mutation DeleteStatusPage($id: ID!) {\n    deleteStatusPage(id: $id)\n  }\n": typeof types.DeleteStatusPageDocument,
    "\n  fragment BackupRow on Backup {\n    id\n    trigger\n    status\n    startedAt\n    finishedAt\n    sizeBytes\n    localPath\n    s3Url\n    error\n    downloadPath\n  }\n": typeof types.BackupRowFragmentDoc,
    "\n  query Backups {\n    backups(first: 20) {\n      ...BackupRow\n    }\n    backupSettings {\n      schedule\n      nextRunAt\n      keepLast\n      keepDaily\n      keepWeekly\n      s3Enabled\n      lastSucceededAt\n    }\n  }\n": typeof types.BackupsDocument,
    "\n  mutation StartBackup {\n    startBackup {\n      ...BackupRow\n    }\n  }\n": typeof types.StartBackupDocument,
    "\n  mutation RequestEmailChange($newEmail: String!, $currentPassword: String!) {\n    requestEmailChange(newEmail: $newEmail, currentPassword: $currentPassword)\n  }\n": typeof types.RequestEmailChangeDocument,
    "\n  fragment ProvisioningTemplateFields on ProvisioningTemplate {\n    storeType\n    version\n    steps {\n      key\n      title\n      required\n    }\n    createdAt\n    createdBy {\n      id\n      displayName\n    }\n  }\n": typeof types.ProvisioningTemplateFieldsFragmentDoc,
    "\n  query ProvisioningTemplates {\n    provisioningTemplates {\n      ...ProvisioningTemplateFields\n    }\n  }\n": typeof types.ProvisioningTemplatesDocument,
    "\n  query ProvisioningTemplateHistory($storeType: StoreType!) {\n    provisioningTemplateHistory(storeType: $storeType) {\n      ...ProvisioningTemplateFields\n    }\n  }\n": typeof types.ProvisioningTemplateHistoryDocument,
    "\n  mutation PublishProvisioningTemplate(\n    $storeType: StoreType!\n    $steps: [ProvisioningTemplateStepInput!]!\n    $expectedVersion: Int!\n  ) {\n    publishProvisioningTemplate(storeType: $storeType, steps: $steps, expectedVersion: $expectedVersion) {\n      ...ProvisioningTemplateFields\n    }\n  }\n": typeof types.PublishProvisioningTemplateDocument,
    "\n  fragment SessionRow on Session {\n    id\n    createdAt\n    lastUsedAt\n    clientAddress\n    userAgentSummary\n    current\n  }\n": typeof types.SessionRowFragmentDoc,
    "\n  query MySessions {\n    mySessions {\n      ...SessionRow\n    }\n  }\n": typeof types.MySessionsDocument,
    "\n  query UserSessions($userId: ID!) {\n    userSessions(userId: $userId) {\n      ...SessionRow\n      user {\n        id\n        displayName\n        email\n      }\n    }\n  }\n": typeof types.UserSessionsDocument,
    "\n  mutation RevokeSession($id: ID!) {\n    revokeSession(id: $id) {\n      id\n    }\n  }\n": typeof types.RevokeSessionDocument,
    "\n  mutation RotateApiKey($id: ID!, $gracePeriodSeconds: Int) {\n    rotateApiKey(id: $id, gracePeriodSeconds: $gracePeriodSeconds) {\n      secret\n      apiKey {\n        id\n        name\n        rotatedAt\n        previousSecretExpiresAt\n      }\n    }\n  }\n": typeof types.RotateApiKeyDocument,
    "\n  query SecurityEvents($filter: SecurityEventFilter, $first: Int, $after: String) {\n    securityEvents(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        ...PageInfoFields\n      }\n      edges {\n        node {\n          id\n          type\n          occurredAt\n          actor {\n            id\n            displayName\n            email\n          }\n          actorApiKeyId\n          subject {\n            id\n            displayName\n            email\n          }\n          email\n          clientAddress\n          userAgentSummary\n          detail\n        }\n      }\n    }\n  }\n": typeof types.SecurityEventsDocument,
    "\n  query SecurityLogUsers {\n    users(first: 200) {\n      edges {\n        node {\n          id\n          displayName\n          email\n        }\n      }\n    }\n  }\n": typeof types.SecurityLogUsersDocument,
    "\n  query ApiKeys {\n    apiKeys {\n      id\n      name\n      scopes\n      createdAt\n      lastUsedAt\n      revokedAt\n      expiresAt\n      expiresSoon\n      rotatedAt\n      previousSecretExpiresAt\n      owner {\n        id\n        displayName\n      }\n    }\n    apiKeyScopes\n  }\n": typeof types.ApiKeysDocument,
    "\n  mutation CreateApiKey($name: String!, $scopes: [String!]!, $expiresAt: DateTime) {\n    createApiKey(name: $name, scopes: $scopes, expiresAt: $expiresAt) {\n      secret\n      apiKey {\n        id\n        name\n      }\n    }\n  }\n": typeof types.CreateApiKeyDocument,
    "\n  mutation RevokeApiKey($id: ID!) {\n    revokeApiKey(id: $id) {\n      id\n      revokedAt\n    }\n  }\n": typeof types.RevokeApiKeyDocument,
    "\n  fragment UserRow on User {\n    id\n    email\n    displayName\n    role\n    deactivatedAt\n    lastLoginAt\n  }\n": typeof types.UserRowFragmentDoc,
    "\n  query Users($after: String) {\n    users(first: 50, after: $after) {\n      totalCount\n      pageInfo {\n        ...PageInfoFields\n      }\n      edges {\n        node {\n          ...UserRow\n        }\n      }\n    }\n  }\n": typeof types.UsersDocument,
    "\n  mutation CreateUser($input: CreateUserInput!) {\n    createUser(input: $input) {\n      ...UserRow\n    }\n  }\n": typeof types.CreateUserDocument,
    "\n  mutation UpdateUserRole($id: ID!, $role: Role!) {\n    updateUserRole(id: $id, role: $role) {\n      id\n      role\n    }\n  }\n": typeof types.UpdateUserRoleDocument,
    "\n  mutation DeactivateUser($id: ID!) {\n    deactivateUser(id: $id) {\n      id\n      deactivatedAt\n    }\n  }\n": typeof types.DeactivateUserDocument,
    "\n  query Profile {\n    me {\n      id\n      email\n      displayName\n      role\n      createdAt\n      lastLoginAt\n    }\n  }\n": typeof types.ProfileDocument,
    "\n  mutation UpdateMyProfile($displayName: String!) {\n    updateMyProfile(displayName: $displayName) {\n      id\n      displayName\n    }\n  }\n": typeof types.UpdateMyProfileDocument,
    "\n  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {\n    changePassword(currentPassword: $currentPassword, newPassword: $newPassword)\n  }\n": typeof types.ChangePasswordDocument,
    "\n  mutation LogoutEverywhere {\n    logoutEverywhere\n  }\n": typeof types.LogoutEverywhereDocument,
    "\n  fragment InvitationRow on Invitation {\n    id\n    email\n    role\n    status\n    createdAt\n    sentAt\n    expiresAt\n    invitedBy {\n      id\n      displayName\n    }\n  }\n": typeof types.InvitationRowFragmentDoc,
    "\n  query Invitations {\n    invitations {\n      ...InvitationRow\n    }\n  }\n": typeof types.InvitationsDocument,
    "\n  mutation InviteUser($input: InviteUserInput!) {\n    inviteUser(input: $input) {\n      ...InvitationRow\n    }\n  }\n": typeof types.InviteUserDocument,
    "\n  mutation RevokeInvitation($id: ID!) {\n    revokeInvitation(id: $id) {\n      ...InvitationRow\n    }\n  }\n": typeof types.RevokeInvitationDocument,
    "\n  mutation ResendInvitation($id: ID!) {\n    resendInvitation(id: $id) {\n      ...InvitationRow\n    }\n  }\n": typeof types.ResendInvitationDocument,
    "\n  mutation SendPasswordResetLink($id: ID!) {\n    sendPasswordResetLink(id: $id)\n  }\n": typeof types.SendPasswordResetLinkDocument,
    "\n  mutation ReactivateUser($id: ID!) {\n    reactivateUser(id: $id) {\n      id\n      deactivatedAt\n    }\n  }\n": typeof types.ReactivateUserDocument,
    "\n  fragment WebhookEndpointFields on WebhookEndpoint {\n    id\n    url\n    description\n    eventTypes\n    status\n    disabledReason\n    disabledAt\n    ownerId\n    owner {\n      id\n      displayName\n    }\n    failingSince\n    previousSecretExpiresAt\n    createdAt\n  }\n": typeof types.WebhookEndpointFieldsFragmentDoc,
    "\n  fragment WebhookDeliveryFields on WebhookDelivery {\n    id\n    endpointId\n    eventId\n    eventType\n    status\n    attempts\n    nextAttemptAt\n    occurredAt\n    createdAt\n    body\n    attemptLog {\n      id\n      attemptedAt\n      httpStatus\n      latencyMs\n      responseSnippet\n      error\n    }\n  }\n": typeof types.WebhookDeliveryFieldsFragmentDoc,
    "\n  fragment WebhookEventTypeFields on WebhookEventType {\n    type\n    description\n    adminOnly\n    subscribable\n  }\n": typeof types.WebhookEventTypeFieldsFragmentDoc,
    "\n  query WebhookEndpoints {\n    webhookEndpoints {\n      ...WebhookEndpointFields\n    }\n    webhookEventTypes {\n      ...WebhookEventTypeFields\n    }\n  }\n": typeof types.WebhookEndpointsDocument,
    "\n  query WebhookDeliveries($endpointId: ID!, $filter: WebhookDeliveryFilter, $first: Int, $after: String) {\n    webhookDeliveries(endpointId: $endpointId, filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        ...PageInfoFields\n      }\n      edges {\n        node {\n          ...WebhookDeliveryFields\n        }\n      }\n    }\n  }\n": typeof types.WebhookDeliveriesDocument,
    "\n  mutation CreateWebhookEndpoint($input: CreateWebhookEndpointInput!) {\n    createWebhookEndpoint(input: $input) {\n      secret\n      endpoint {\n        ...WebhookEndpointFields\n      }\n    }\n  }\n": typeof types.CreateWebhookEndpointDocument,
    "\n  mutation UpdateWebhookEndpoint($id: ID!, $input: UpdateWebhookEndpointInput!) {\n    updateWebhookEndpoint(id: $id, input: $input) {\n      ...WebhookEndpointFields\n    }\n  }\n": typeof types.UpdateWebhookEndpointDocument,
    "\n  mutation RotateWebhookSecret($id: ID!) {\n    rotateWebhookSecret(id: $id) {\n      secret\n      endpoint {\n        ...WebhookEndpointFields\n      }\n    }\n  }\n": typeof types.RotateWebhookSecretDocument,
    "\n  mutation DeleteWebhookEndpoint($id: ID!) {\n    deleteWebhookEndpoint(id: $id)\n  }\n": typeof types.DeleteWebhookEndpointDocument,
    "\n  mutation PingWebhookEndpoint($id: ID!) {\n    pingWebhookEndpoint(id: $id) {\n      ...WebhookDeliveryFields\n    }\n  }\n": typeof types.PingWebhookEndpointDocument,
    "\n  mutation RedeliverWebhook($deliveryId: ID!) {\n    redeliverWebhook(deliveryId: $deliveryId) {\n      ...WebhookDeliveryFields\n    }\n  }\n": typeof types.RedeliverWebhookDocument,
    "\n  mutation AddStoreNetwork($storeId: ID!, $expectedVersion: Int!, $input: StoreNetworkInput!) {\n    addStoreNetwork(storeId: $storeId, expectedVersion: $expectedVersion, input: $input) {\n      ...StoreDetail\n    }\n  }\n": typeof types.AddStoreNetworkDocument,
    "\n  mutation UpdateStoreNetwork($storeId: ID!, $networkId: ID!, $expectedVersion: Int!, $input: StoreNetworkInput!) {\n    updateStoreNetwork(storeId: $storeId, networkId: $networkId, expectedVersion: $expectedVersion, input: $input) {\n      ...StoreDetail\n    }\n  }\n": typeof types.UpdateStoreNetworkDocument,
    "\n  mutation RemoveStoreNetwork($storeId: ID!, $networkId: ID!, $expectedVersion: Int!) {\n    removeStoreNetwork(storeId: $storeId, networkId: $networkId, expectedVersion: $expectedVersion) {\n      ...StoreDetail\n    }\n  }\n": typeof types.RemoveStoreNetworkDocument,
    "\n  fragment StoreNoteFields on StoreNote {\n    id\n    body\n    createdAt\n    author {\n      kind\n      user {\n        id\n        displayName\n      }\n    }\n  }\n": typeof types.StoreNoteFieldsFragmentDoc,
    "\n  query StoreNotes($id: ID!, $first: Int, $after: String) {\n    store(id: $id) {\n      id\n      notes(first: $first, after: $after) {\n        totalCount\n        pageInfo {\n          ...PageInfoFields\n        }\n        edges {\n          node {\n            ...StoreNoteFields\n          }\n        }\n      }\n    }\n  }\n": typeof types.StoreNotesDocument,
    "\n  mutation AddStoreNote($storeId: ID!, $body: String!) {\n    addStoreNote(storeId: $storeId, body: $body) {\n      ...StoreNoteFields\n    }\n  }\n": typeof types.AddStoreNoteDocument,
    "\n  mutation DeleteStoreNote($id: ID!) {\n    deleteStoreNote(id: $id)\n  }\n": typeof types.DeleteStoreNoteDocument,
    "\n  query Store($id: ID!) {\n    store(id: $id) {\n      ...StoreDetail\n    }\n  }\n": typeof types.StoreDocument,
    "\n  query StoreAudit($id: ID!, $first: Int, $after: String) {\n    store(id: $id) {\n      id\n      auditLog(first: $first, after: $after) {\n        totalCount\n        pageInfo {\n          ...PageInfoFields\n        }\n        edges {\n          node {\n            ...StoreAuditEntryFields\n          }\n        }\n      }\n    }\n  }\n": typeof types.StoreAuditDocument,
    "\n  mutation UpdateStore($id: ID!, $expectedVersion: Int!, $input: UpdateStoreInput!) {\n    updateStore(id: $id, expectedVersion: $expectedVersion, input: $input) {\n      ...StoreDetail\n    }\n  }\n": typeof types.UpdateStoreDocument,
    "\n  mutation TransitionStore($id: ID!, $to: StoreStatus!, $expectedVersion: Int!, $reason: String) {\n    transitionStore(id: $id, to: $to, expectedVersion: $expectedVersion, reason: $reason) {\n      ...StoreDetail\n    }\n  }\n": typeof types.TransitionStoreDocument,
    "\n  mutation CompleteProvisioningStep($storeId: ID!, $key: String!, $expectedVersion: Int!) {\n    completeProvisioningStep(storeId: $storeId, key: $key, expectedVersion: $expectedVersion) {\n      ...StoreDetail\n    }\n  }\n": typeof types.CompleteProvisioningStepDocument,
    "\n  mutation SetStoreTags($id: ID!, $expectedVersion: Int!, $tags: [String!]!) {\n    setStoreTags(id: $id, expectedVersion: $expectedVersion, tags: $tags) {\n      ...StoreDetail\n    }\n  }\n": typeof types.SetStoreTagsDocument,
    "\n  query StoreChange($changeId: ID!) {\n    storeChange(changeId: $changeId) {\n      ...StoreAuditEntryFields\n      storeId\n      store {\n        id\n        code\n        name\n      }\n    }\n  }\n": typeof types.StoreChangeDocument,
    "\n  fragment AssetSummary on Asset {\n    id\n    kind\n    serialNumber\n    model\n    vendor\n    status\n    store {\n      id\n    }\n  }\n": typeof types.AssetSummaryFragmentDoc,
    "\n  query StoreHardware($id: ID!) {\n    store(id: $id) {\n      id\n      assets {\n        ...AssetSummary\n        allocations {\n          allocatedAt\n          releasedAt\n        }\n      }\n      hubs {\n        id\n        name\n        status\n        mode\n        lastSeenAt\n      }\n      devices {\n        id\n        label\n        name\n        type\n        room\n        attributes {\n          name\n          value\n        }\n        hub {\n          id\n          name\n          status\n        }\n      }\n    }\n  }\n": typeof types.StoreHardwareDocument,
    "\n  query AvailableAssets($search: String, $kind: AssetKind, $first: Int) {\n    assets(filter: { status: IN_STOCK, search: $search, kind: $kind }, first: $first) {\n      totalCount\n      edges {\n        node {\n          ...AssetSummary\n        }\n      }\n    }\n  }\n": typeof types.AvailableAssetsDocument,
    "\n  query StoreImportTemplate {\n    storeImportTemplate\n  }\n": typeof types.StoreImportTemplateDocument,
    "\n  mutation ImportStores($csv: String!, $apply: Boolean) {\n    importStores(csv: $csv, apply: $apply) {\n      valid\n      rowCount\n      changeId\n      errors {\n        row\n        column\n        code\n        message\n      }\n      created {\n        ...StoreListItem\n      }\n    }\n  }\n": typeof types.ImportStoresDocument,
    "\n  query SuggestSubnet($prefixLength: Int) {\n    suggestSubnet(prefixLength: $prefixLength)\n  }\n": typeof types.SuggestSubnetDocument,
    "\n  mutation CreateStore($input: CreateStoreInput!) {\n    createStore(input: $input) {\n      ...StoreDetail\n    }\n  }\n": typeof types.CreateStoreDocument,
    "\n  query Stores($filter: StoreFilter, $orderBy: StoreOrder, $first: Int, $after: String) {\n    stores(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        ...PageInfoFields\n      }\n      edges {\n        cursor\n        node {\n          ...StoreListItem\n        }\n      }\n    }\n  }\n": typeof types.StoresDocument,
    "\n  mutation BulkTransitionStores($ids: [ID!]!, $to: StoreStatus!, $reason: String) {\n    bulkTransitionStores(ids: $ids, to: $to, reason: $reason) {\n      succeeded\n      failed\n      changeId\n      results {\n        id\n        ok\n        store {\n          ...StoreListItem\n          allowedTransitions\n          openedAt\n        }\n        error {\n          code\n          message\n        }\n      }\n    }\n  }\n": typeof types.BulkTransitionStoresDocument,
    "\n  mutation BulkTagStores($ids: [ID!]!, $add: [String!], $remove: [String!], $reason: String) {\n    bulkTagStores(ids: $ids, add: $add, remove: $remove, reason: $reason) {\n      succeeded\n      failed\n      changeId\n      results {\n        id\n        ok\n        store {\n          ...StoreListItem\n        }\n        error {\n          code\n          message\n        }\n      }\n    }\n  }\n": typeof types.BulkTagStoresDocument,
    "\n  query StoreTags {\n    storeTags {\n      tag\n      count\n    }\n  }\n": typeof types.StoreTagsDocument,
    "\n  query WebhookCatalogue {\n    webhookEventTypes {\n      type\n      description\n      example\n      adminOnly\n    }\n  }\n": typeof types.WebhookCatalogueDocument,
    "\n  mutation ConfirmEmailChange($token: String!) {\n    confirmEmailChange(token: $token)\n  }\n": typeof types.ConfirmEmailChangeDocument,
    "\n  mutation RequestPasswordReset($email: String!) {\n    requestPasswordReset(email: $email)\n  }\n": typeof types.RequestPasswordResetDocument,
    "\n  query InvitationPreview($token: String!) {\n    invitation(token: $token) {\n      email\n      role\n      expiresAt\n      invitedByName\n    }\n  }\n": typeof types.InvitationPreviewDocument,
    "\n  mutation AcceptInvitation($input: AcceptInvitationInput!) {\n    acceptInvitation(input: $input) {\n      ...AuthPayloadFields\n    }\n  }\n": typeof types.AcceptInvitationDocument,
    "\n  mutation ResetPassword($token: String!, $newPassword: String!) {\n    resetPassword(token: $token, newPassword: $newPassword)\n  }\n": typeof types.ResetPasswordDocument,
    "\n  query PublicStatusPage($slug: String!) {\n    publicStatusPage(slug: $slug) {\n      title\n      description\n      status\n      updatedAt\n      components {\n        displayName\n        status\n        uptime90\n        uptimeDays {\n          date\n          uptime\n        }\n      }\n      incidents {\n        id\n        title\n        status\n        impact\n        createdAt\n        resolvedAt\n        updates {\n          status\n          message\n          createdAt\n        }\n      }\n      maintenance {\n        title\n        startsAt\n        endsAt\n        activeNow\n      }\n    }\n  }\n": typeof types.PublicStatusPageDocument,
};
const documents: Documents = {
    "\n  fragment SessionUser on User {\n    id\n    email\n    displayName\n    role\n  }\n": types.SessionUserFragmentDoc,
    "\n  fragment AuthPayloadFields on AuthPayload {\n    accessToken\n    refreshToken\n    expiresAt\n    user {\n      ...SessionUser\n    }\n    twoFactorEnrolmentRequired\n  }\n": types.AuthPayloadFieldsFragmentDoc,
    "\n  mutation Login($email: String!, $password: String!, $device: String) {\n    login(email: $email, password: $password, device: $device) {\n      accessToken\n      refreshToken\n      expiresAt\n      user {\n        ...SessionUser\n      }\n      twoFactorEnrolmentRequired\n      secondFactor {\n        challengeToken\n        expiresAt\n      }\n    }\n  }\n": types.LoginDocument,
    "\n  mutation CompleteSignIn($challengeToken: String!, $code: String!) {\n    completeSignIn(challengeToken: $challengeToken, code: $code) {\n      ...AuthPayloadFields\n    }\n  }\n": types.CompleteSignInDocument,
    "\n  mutation RefreshSession($refreshToken: String!) {\n    refreshSession(refreshToken: $refreshToken) {\n      ...AuthPayloadFields\n    }\n  }\n": types.RefreshSessionDocument,
    "\n  mutation Logout {\n    logout\n  }\n": types.LogoutDocument,
    "\n  subscription SessionRevoked {\n    sessionRevoked {\n      sessionId\n      reason\n      current\n    }\n  }\n": types.SessionRevokedDocument,
    "\n  fragment PageInfoFields on PageInfo {\n    hasNextPage\n    endCursor\n  }\n": types.PageInfoFieldsFragmentDoc,
    "\n  fragment StoreAuditEntryFields on AuditEntry {\n    id\n    version\n    action\n    reason\n    changeId\n    createdAt\n    actor {\n      kind\n      user {\n        id\n        displayName\n      }\n    }\n    changes {\n      field\n      before\n      after\n    }\n  }\n": types.StoreAuditEntryFieldsFragmentDoc,
    "\n  fragment StoreListItem on Store {\n    id\n    code\n    name\n    type\n    status\n    address {\n      city\n      country\n    }\n    provisioningProgress\n    version\n    updatedAt\n    tags\n  }\n": types.StoreListItemFragmentDoc,
    "\n  fragment StoreDetail on Store {\n    ...StoreListItem\n    address {\n      line1\n      line2\n      city\n      region\n      postalCode\n      country\n    }\n    latitude\n    longitude\n    timezone\n    openedAt\n    network {\n      vlanId\n      subnet\n      gateway\n      dhcpRange {\n        start\n        end\n      }\n    }\n    networks {\n      id\n      purpose\n      name\n      vlanId\n      subnet\n      gateway\n      dhcpRange {\n        start\n        end\n      }\n    }\n    provisioningSteps {\n      key\n      title\n      done\n      doneAt\n      doneBy {\n        id\n        displayName\n      }\n      required\n    }\n    allowedTransitions\n    createdAt\n    createdBy {\n      id\n      displayName\n    }\n    templateVersion\n  }\n": types.StoreDetailFragmentDoc,
    "\n  subscription StoreChanged($id: ID) {\n    storeChanged(id: $id) {\n      kind\n      storeId\n      changedFields\n      version\n      occurredAt\n      actor {\n        kind\n        user {\n          id\n          displayName\n        }\n      }\n      store {\n        ...StoreDetail\n      }\n    }\n  }\n": types.StoreChangedDocument,
    "\n  fragment AssetDetail on Asset {\n    ...AssetSummary\n    notes\n    createdAt\n    updatedAt\n    store {\n      id\n      name\n      code\n    }\n  }\n": types.AssetDetailFragmentDoc,
    "\n  query Assets($filter: AssetFilter, $first: Int, $after: String) {\n    assets(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        ...PageInfoFields\n      }\n      edges {\n        node {\n          ...AssetDetail\n        }\n      }\n    }\n  }\n": types.AssetsDocument,
    "\n  fragment AssetHistory on Asset {\n    allocations {\n      store {\n        id\n        name\n        code\n      }\n      allocatedAt\n      allocatedBy\n      releasedAt\n      releasedBy\n    }\n  }\n": types.AssetHistoryFragmentDoc,
    "\n  query Asset($id: ID!) {\n    asset(id: $id) {\n      ...AssetDetail\n      ...AssetHistory\n    }\n  }\n": types.AssetDocument,
    "\n  mutation CreateAsset($input: CreateAssetInput!, $idempotencyKey: String) {\n    createAsset(input: $input, idempotencyKey: $idempotencyKey) {\n      ...AssetDetail\n    }\n  }\n": types.CreateAssetDocument,
    "\n  mutation UpdateAsset($id: ID!, $input: UpdateAssetInput!) {\n    updateAsset(id: $id, input: $input) {\n      ...AssetDetail\n    }\n  }\n": types.UpdateAssetDocument,
    "\n  mutation AllocateAsset($assetId: ID!, $storeId: ID!) {\n    allocateAsset(assetId: $assetId, storeId: $storeId) {\n      ...AssetSummary\n    }\n  }\n": types.AllocateAssetDocument,
    "\n  mutation ReleaseAsset($assetId: ID!) {\n    releaseAsset(assetId: $assetId) {\n      ...AssetSummary\n      allocations {\n        store {\n          id\n        }\n        allocatedAt\n        releasedAt\n      }\n    }\n  }\n": types.ReleaseAssetDocument,
    "\n  mutation MarkAssetFaulty($assetId: ID!, $notes: String) {\n    markAssetFaulty(assetId: $assetId, notes: $notes) {\n      ...AssetDetail\n      ...AssetHistory\n    }\n  }\n": types.MarkAssetFaultyDocument,
    "\n  mutation RetireAsset($assetId: ID!) {\n    retireAsset(assetId: $assetId) {\n      ...AssetDetail\n      ...AssetHistory\n    }\n  }\n": types.RetireAssetDocument,
    "\n  mutation ReleaseStoreAssets($storeId: ID!) {\n    releaseStoreAssets(storeId: $storeId) {\n      ...AssetSummary\n    }\n  }\n": types.ReleaseStoreAssetsDocument,
    "\n  query StoreChoices($statuses: [StoreStatus!]) {\n    stores(filter: { statuses: $statuses }, first: 200) {\n      edges {\n        node {\n          id\n          code\n          name\n          status\n        }\n      }\n    }\n  }\n": types.StoreChoicesDocument,
    "\n  query TwoFactorStatus {\n    twoFactorStatus {\n      enabled\n      enabledAt\n      recoveryCodesLeft\n      required\n    }\n  }\n": types.TwoFactorStatusDocument,
    "\n  mutation BeginTwoFactorEnrolment {\n    beginTwoFactorEnrolment {\n      secret\n      otpauthUri\n    }\n  }\n": types.BeginTwoFactorEnrolmentDocument,
    "\n  mutation ConfirmTwoFactorEnrolment($code: String!) {\n    confirmTwoFactorEnrolment(code: $code)\n  }\n": types.ConfirmTwoFactorEnrolmentDocument,
    "\n  mutation RegenerateRecoveryCodes($code: String!) {\n    regenerateRecoveryCodes(code: $code)\n  }\n": types.RegenerateRecoveryCodesDocument,
    "\n  mutation DisableTwoFactor($code: String!) {\n    disableTwoFactor(code: $code)\n  }\n": types.DisableTwoFactorDocument,
    "\n  query StoreMetrics {\n    all: stores(first: 1) {\n      totalCount\n    }\n    draft: stores(filter: { statuses: [DRAFT] }, first: 1) {\n      totalCount\n    }\n    provisioning: stores(filter: { statuses: [PROVISIONING] }, first: 1) {\n      totalCount\n    }\n    active: stores(filter: { statuses: [ACTIVE] }, first: 1) {\n      totalCount\n    }\n    suspended: stores(filter: { statuses: [SUSPENDED] }, first: 1) {\n      totalCount\n    }\n    decommissioned: stores(filter: { statuses: [DECOMMISSIONED] }, first: 1) {\n      totalCount\n    }\n  }\n": types.StoreMetricsDocument,
    "\n  query HardwareMetrics {\n    hubs {\n      id\n      status\n    }\n  }\n": types.HardwareMetricsDocument,
    "\n  query DashboardOverview {\n    overview {\n      scope\n      devicesOnline\n      devicesTotal\n      hubsOffline\n      firingAlerts\n      eventsLastHour\n    }\n  }\n": types.DashboardOverviewDocument,
    "\n  query DashboardHealth {\n    services {\n      name\n      kind\n      status\n      latencyMs\n      lastChangeAt\n    }\n  }\n": types.DashboardHealthDocument,
    "\n  subscription DashboardHealthChanged {\n    serviceStatusChanged {\n      name\n      kind\n      status\n      latencyMs\n      lastChangeAt\n    }\n  }\n": types.DashboardHealthChangedDocument,
    "\n  fragment ActivityItem on ActivityEntry {\n    id\n    kind\n    details\n    occurredAt\n    actorKind\n    actor {\n      id\n      displayName\n    }\n    store {\n      id\n      name\n    }\n  }\n": types.ActivityItemFragmentDoc,
    "\n  query DashboardActivity {\n    activity(first: 15) {\n      edges {\n        node {\n          ...ActivityItem\n        }\n      }\n    }\n  }\n": types.DashboardActivityDocument,
    "\n  subscription DashboardActivityAdded {\n    activityAdded {\n      ...ActivityItem\n    }\n  }\n": types.DashboardActivityAddedDocument,
    "\n  query Device($id: ID!) {\n    device(id: $id) {\n      ...DeviceTile\n      hubDeviceId\n      lastEventAt\n    }\n  }\n": types.DeviceDocument,
    "\n  query DeviceEvents($id: ID!, $first: Int, $name: String) {\n    device(id: $id) {\n      id\n      events(first: $first, name: $name) {\n        pageInfo {\n          ...PageInfoFields\n        }\n        edges {\n          cursor\n          node {\n            id\n            name\n            value\n            unit\n            description\n            source\n            receivedAt\n            sentBy {\n              kind\n              user {\n                id\n                displayName\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n": types.DeviceEventsDocument,
    "\n  query NumericAttributes($id: ID!) {\n    device(id: $id) {\n      id\n      numericAttributes\n    }\n  }\n": types.NumericAttributesDocument,
    "\n  query AttributeHistory($id: ID!, $name: String!, $range: HistoryRange!) {\n    device(id: $id) {\n      id\n      attributeHistory(name: $name, range: $range) {\n        name\n        range\n        unit\n        min\n        max\n        latest\n        points {\n          at\n          min\n          max\n          average\n        }\n      }\n    }\n  }\n": types.AttributeHistoryDocument,
    "\n  fragment DeviceTile on Device {\n    id\n    label\n    name\n    type\n    room\n    capabilities\n    attributes {\n      name\n      value\n      unit\n      updatedAt\n    }\n    commands {\n      name\n      arguments\n    }\n    hub {\n      id\n      name\n      status\n    }\n    store {\n      id\n      name\n    }\n  }\n": types.DeviceTileFragmentDoc,
    "\n  query Devices($filter: DeviceFilter, $first: Int) {\n    devices(filter: $filter, first: $first) {\n      totalCount\n      pageInfo {\n        ...PageInfoFields\n      }\n      edges {\n        node {\n          ...DeviceTile\n        }\n      }\n    }\n  }\n": types.DevicesDocument,
    "\n  mutation SendDeviceCommand($deviceId: ID!, $command: String!, $args: [String!]) {\n    sendDeviceCommand(deviceId: $deviceId, command: $command, args: $args) {\n      command\n      arguments\n      sentAt\n      confirmBy\n      device {\n        id\n      }\n    }\n  }\n": types.SendDeviceCommandDocument,
    "\n  subscription DeviceEventLive($deviceId: ID, $hubId: ID) {\n    deviceEvent(deviceId: $deviceId, hubId: $hubId) {\n      id\n      name\n      value\n      unit\n      source\n      receivedAt\n      device {\n        id\n        attributes {\n          name\n          value\n          unit\n          updatedAt\n        }\n      }\n    }\n  }\n": types.DeviceEventLiveDocument,
    "\n  subscription HubStatusLive($hubId: ID) {\n    hubStatusChanged(hubId: $hubId) {\n      status\n      previousStatus\n      changedAt\n      hub {\n        id\n        status\n        lastSeenAt\n        mode\n      }\n    }\n  }\n": types.HubStatusLiveDocument,
    "\n  query HubDiagnostics($id: ID!) {\n    hub(id: $id) {\n      id\n      name\n      status\n      diagnostics {\n        lastEventAt\n        lastRepairAt\n        postUrlPointsHere\n        expectedPostUrl\n        warnings {\n          code\n          message\n        }\n      }\n    }\n  }\n": types.HubDiagnosticsDocument,
    "\n  mutation TestHubEvents($hubId: ID!) {\n    testHubEvents(hubId: $hubId) {\n      ok\n      roundTripMs\n      message\n    }\n  }\n": types.TestHubEventsDocument,
    "\n  query HubDetail($id: ID!) {\n    hub(id: $id) {\n      id\n      name\n      baseUrl\n      appId\n      status\n      lastSeenAt\n      mode\n      hsmStatus\n      store {\n        id\n        name\n      }\n      devices {\n        id\n      }\n      variables {\n        name\n        type\n        value\n        updatedAt\n      }\n      events(first: 30) {\n        id\n        kind\n        name\n        value\n        receivedAt\n      }\n    }\n  }\n": types.HubDetailDocument,
    "\n  query HubModes($id: ID!) {\n    hub(id: $id) {\n      id\n      modes\n    }\n  }\n": types.HubModesDocument,
    "\n  mutation SetHubMode($hubId: ID!, $mode: String!) {\n    setHubMode(hubId: $hubId, mode: $mode) {\n      id\n      mode\n    }\n  }\n": types.SetHubModeDocument,
    "\n  mutation SetHsm($hubId: ID!, $arm: HsmCommand!) {\n    setHsm(hubId: $hubId, arm: $arm) {\n      id\n      hsmStatus\n    }\n  }\n": types.SetHsmDocument,
    "\n  mutation SetHubVariable($hubId: ID!, $name: String!, $value: String!) {\n    setHubVariable(hubId: $hubId, name: $name, value: $value) {\n      name\n      type\n      value\n      updatedAt\n    }\n  }\n": types.SetHubVariableDocument,
    "\n  subscription HubEventStream($hubId: ID!) {\n    hubEvent(hubId: $hubId) {\n      id\n      kind\n      name\n      value\n      receivedAt\n    }\n  }\n": types.HubEventStreamDocument,
    "\n  fragment HubRow on Hub {\n    id\n    name\n    baseUrl\n    appId\n    status\n    lastSeenAt\n    mode\n    createdAt\n    devices {\n      id\n    }\n    store {\n      id\n      name\n    }\n  }\n": types.HubRowFragmentDoc,
    "\n  query Hubs {\n    hubs {\n      ...HubRow\n    }\n  }\n": types.HubsDocument,
    "\n  query HubStoreOptions {\n    stores(\n      first: 200\n      filter: { statuses: [DRAFT, PROVISIONING, ACTIVE, SUSPENDED] }\n      orderBy: { field: NAME, direction: ASC }\n    ) {\n      edges {\n        node {\n          id\n          name\n          code\n        }\n      }\n    }\n  }\n": types.HubStoreOptionsDocument,
    "\n  mutation RegisterHub($input: RegisterHubInput!) {\n    registerHub(input: $input) {\n      ...HubRow\n    }\n  }\n": types.RegisterHubDocument,
    "\n  mutation SyncHub($id: ID!) {\n    syncHub(id: $id) {\n      ...HubRow\n    }\n  }\n": types.SyncHubDocument,
    "\n  mutation RemoveHub($id: ID!) {\n    removeHub(id: $id)\n  }\n": types.RemoveHubDocument,
    "\n  fragment SceneRunFields on SceneRun {\n    id\n    trigger\n    outcome\n    late\n    startedAt\n    finishedAt\n    scheduledFor\n    results {\n      position\n      deviceLabel\n      command\n      arguments\n      ok\n      errorCode\n      error\n    }\n  }\n": types.SceneRunFieldsFragmentDoc,
    "\n  fragment SceneFields on Scene {\n    id\n    name\n    store {\n      id\n      name\n    }\n    actions {\n      position\n      command\n      arguments\n      device {\n        id\n        label\n      }\n    }\n    lastRun {\n      ...SceneRunFields\n    }\n  }\n": types.SceneFieldsFragmentDoc,
    "\n  query Scenes {\n    scenes {\n      ...SceneFields\n    }\n  }\n": types.ScenesDocument,
    "\n  query CommandTargets {\n    devices(first: 200) {\n      edges {\n        node {\n          id\n          label\n          hub {\n            id\n            name\n          }\n          commands {\n            name\n            arguments\n          }\n        }\n      }\n    }\n    stores(first: 200, orderBy: { field: NAME, direction: ASC }) {\n      edges {\n        node {\n          id\n          name\n          timezone\n          latitude\n          longitude\n        }\n      }\n    }\n  }\n": types.CommandTargetsDocument,
    "\n  mutation CreateScene($input: SceneInput!) {\n    createScene(input: $input) {\n      ...SceneFields\n    }\n  }\n": types.CreateSceneDocument,
    "\n  mutation UpdateScene($id: ID!, $input: SceneInput!) {\n    updateScene(id: $id, input: $input) {\n      ...SceneFields\n    }\n  }\n": types.UpdateSceneDocument,
    "\n  mutation DeleteScene($id: ID!) {\n    deleteScene(id: $id)\n  }\n": types.DeleteSceneDocument,
    "\n  mutation RunScene($id: ID!) {\n    runScene(id: $id) {\n      ...SceneRunFields\n      scene {\n        id\n        lastRun {\n          id\n        }\n      }\n    }\n  }\n": types.RunSceneDocument,
    "\n  fragment ScheduleFields on Schedule {\n    id\n    name\n    enabled\n    scene {\n      id\n      name\n    }\n    device {\n      id\n      label\n    }\n    command\n    arguments\n    timing\n    cron\n    offsetMinutes\n    timeZone\n    latitude\n    longitude\n    store {\n      id\n      name\n    }\n    nextRunAt\n    lastRun {\n      ...SceneRunFields\n    }\n  }\n": types.ScheduleFieldsFragmentDoc,
    "\n  query Schedules {\n    schedules {\n      ...ScheduleFields\n    }\n    scenes {\n      id\n      name\n    }\n  }\n": types.SchedulesDocument,
    "\n  query ScheduleRuns($id: ID!, $after: String) {\n    schedule(id: $id) {\n      id\n      runs(first: 10, after: $after) {\n        edges {\n          node {\n            ...SceneRunFields\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n": types.ScheduleRunsDocument,
    "\n  mutation CreateSchedule($input: ScheduleInput!) {\n    createSchedule(input: $input) {\n      ...ScheduleFields\n    }\n  }\n": types.CreateScheduleDocument,
    "\n  mutation UpdateSchedule($id: ID!, $input: ScheduleInput!) {\n    updateSchedule(id: $id, input: $input) {\n      ...ScheduleFields\n    }\n  }\n": types.UpdateScheduleDocument,
    "\n  mutation SetScheduleEnabled($id: ID!, $enabled: Boolean!) {\n    setScheduleEnabled(id: $id, enabled: $enabled) {\n      id\n      enabled\n      nextRunAt\n    }\n  }\n": types.SetScheduleEnabledDocument,
    "\n  mutation DeleteSchedule($id: ID!) {\n    deleteSchedule(id: $id)\n  }\n": types.DeleteScheduleDocument,
    "\n  query AssetImportTemplate {\n    assetImportTemplate\n  }\n": types.AssetImportTemplateDocument,
    "\n  mutation ImportAssets($csv: String!, $apply: Boolean) {\n    importAssets(csv: $csv, apply: $apply) {\n      valid\n      rowCount\n      errors {\n        row\n        column\n        code\n        message\n      }\n      created {\n        id\n        serialNumber\n        model\n      }\n    }\n  }\n": types.ImportAssetsDocument,
    "\n  mutation AddHouseholdMember($householdId: ID!, $userId: ID!) {\n    addHouseholdMember(householdId: $householdId, userId: $userId) {\n      ...HouseholdFields\n    }\n  }\n": types.AddHouseholdMemberDocument,
    "\n  mutation RemoveHouseholdMember($householdId: ID!, $userId: ID!) {\n    removeHouseholdMember(householdId: $householdId, userId: $userId) {\n      ...HouseholdFields\n    }\n  }\n": types.RemoveHouseholdMemberDocument,
    "\n  query HouseholdCandidates {\n    users(first: 100) {\n      edges {\n        node {\n          id\n          displayName\n          email\n          deactivatedAt\n        }\n      }\n    }\n  }\n": types.HouseholdCandidatesDocument,
    "\n  mutation SetHouseholdAisles($aisles: [String!]!) {\n    setHouseholdAisles(aisles: $aisles) {\n      id\n      aisles\n    }\n  }\n": types.SetHouseholdAislesDocument,
    "\n  mutation SetHouseholdUnitsPreference($units: MeasurementSystem!) {\n    setHouseholdUnits(units: $units) {\n      id\n      units\n    }\n  }\n": types.SetHouseholdUnitsPreferenceDocument,
    "\n  fragment HouseholdFields on Household {\n    id\n    name\n    timeZone\n    units\n    createdAt\n    owner {\n      id\n      displayName\n    }\n    members {\n      id\n      displayName\n    }\n  }\n": types.HouseholdFieldsFragmentDoc,
    "\n  query MyHousehold {\n    myHousehold {\n      ...HouseholdFields\n    }\n  }\n": types.MyHouseholdDocument,
    "\n  mutation CreateHousehold($name: String!, $timeZone: String) {\n    createHousehold(name: $name, timeZone: $timeZone) {\n      ...HouseholdFields\n    }\n  }\n": types.CreateHouseholdDocument,
    "\n  fragment RecipeCard on Recipe {\n    id\n    title\n    servings\n    prepMinutes\n    cookMinutes\n    totalMinutes\n    tags\n    imageUrl\n  }\n": types.RecipeCardFragmentDoc,
    "\n  fragment IngredientFields on Ingredient {\n    quantity\n    unit\n    food\n    note\n    position\n    raw\n  }\n": types.IngredientFieldsFragmentDoc,
    "\n  fragment RecipeDetail on Recipe {\n    ...RecipeCard\n    description\n    sourceUrl\n    imageUrl\n    createdAt\n    updatedAt\n    createdBy {\n      id\n      displayName\n    }\n    ingredients {\n      ...IngredientFields\n    }\n    steps {\n      position\n      text\n    }\n    nutrition {\n      calories\n      protein\n      carbs\n      fat\n    }\n  }\n": types.RecipeDetailFragmentDoc,
    "\n  fragment MealPlanEntryFields on MealPlanEntry {\n    id\n    date\n    slot\n    servings\n    note\n    recipe {\n      id\n      title\n      totalMinutes\n    }\n  }\n": types.MealPlanEntryFieldsFragmentDoc,
    "\n  fragment ShoppingItemFields on ShoppingItem {\n    id\n    food\n    quantity\n    unit\n    label\n    category\n    note\n    manual\n    checked\n    checkedAt\n    checkedBy {\n      id\n      displayName\n    }\n    sources {\n      title\n      quantity\n      unit\n      recipe {\n        id\n      }\n    }\n  }\n": types.ShoppingItemFieldsFragmentDoc,
    "\n  subscription MealPlanChanged($weekStart: Date!) {\n    mealPlanChanged(weekStart: $weekStart) {\n      kind\n      date\n      slot\n      entry {\n        ...MealPlanEntryFields\n      }\n    }\n  }\n": types.MealPlanChangedDocument,
    "\n  subscription ShoppingListChanged($listId: ID!) {\n    shoppingListChanged(listId: $listId) {\n      listId\n      kind\n      item {\n        ...ShoppingItemFields\n      }\n    }\n  }\n": types.ShoppingListChangedDocument,
    "\n  fragment PantryItemFields on PantryItem {\n    id\n    food\n    quantity\n    unit\n    label\n    updatedAt\n  }\n": types.PantryItemFieldsFragmentDoc,
    "\n  query Pantry {\n    pantry {\n      ...PantryItemFields\n    }\n  }\n": types.PantryDocument,
    "\n  query WhatCanIMake($maxMissing: Int) {\n    whatCanIMake(maxMissing: $maxMissing) {\n      recipe {\n        id\n        title\n      }\n      missing\n    }\n  }\n": types.WhatCanIMakeDocument,
    "\n  mutation AddPantryItem($input: PantryItemInput!) {\n    addPantryItem(input: $input) {\n      ...PantryItemFields\n    }\n  }\n": types.AddPantryItemDocument,
    "\n  mutation UpdatePantryItem($id: ID!, $input: PantryItemInput!) {\n    updatePantryItem(id: $id, input: $input) {\n      ...PantryItemFields\n    }\n  }\n": types.UpdatePantryItemDocument,
    "\n  mutation RemovePantryItem($id: ID!) {\n    removePantryItem(id: $id)\n  }\n": types.RemovePantryItemDocument,
    "\n  query MealPlan($weekStart: Date!) {\n    mealPlan(weekStart: $weekStart) {\n      weekStart\n      entries {\n        ...MealPlanEntryFields\n      }\n    }\n  }\n": types.MealPlanDocument,
    "\n  mutation SetMealPlanEntry($input: MealPlanEntryInput!) {\n    setMealPlanEntry(input: $input) {\n      ...MealPlanEntryFields\n    }\n  }\n": types.SetMealPlanEntryDocument,
    "\n  mutation RemoveMealPlanEntry($id: ID!) {\n    removeMealPlanEntry(id: $id)\n  }\n": types.RemoveMealPlanEntryDocument,
    "\n  mutation SuggestMealPlan($weekStart: Date!) {\n    suggestMealPlan(weekStart: $weekStart) {\n      weekStart\n      entries {\n        ...MealPlanEntryFields\n      }\n    }\n  }\n": types.SuggestMealPlanDocument,
    "\n  mutation CopyWeek($from: Date!, $to: Date!) {\n    copyWeek(from: $from, to: $to) {\n      weekStart\n      entries {\n        ...MealPlanEntryFields\n      }\n    }\n  }\n": types.CopyWeekDocument,
    "\n  query RecipeImageUrl($id: ID!) {\n    recipe(id: $id) {\n      id\n      imageUrl\n    }\n  }\n": types.RecipeImageUrlDocument,
    "\n  query Recipes($filter: RecipeFilter, $first: Int, $after: String) {\n    recipes(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        ...PageInfoFields\n      }\n      edges {\n        cursor\n        node {\n          ...RecipeCard\n        }\n      }\n    }\n  }\n": types.RecipesDocument,
    "\n  query Recipe($id: ID!) {\n    recipe(id: $id) {\n      ...RecipeDetail\n    }\n  }\n": types.RecipeDocument,
    "\n  query ScaledIngredients($id: ID!, $servings: Int!, $units: MeasurementSystem) {\n    recipe(id: $id) {\n      id\n      scaled(servings: $servings) {\n        ...IngredientFields\n        display(units: $units) {\n          text\n          converted\n        }\n      }\n    }\n  }\n": types.ScaledIngredientsDocument,
    "\n  query RecipeAmounts($id: ID!, $units: MeasurementSystem) {\n    recipe(id: $id) {\n      id\n      ingredients {\n        position\n        display(units: $units) {\n          text\n          converted\n        }\n      }\n    }\n  }\n": types.RecipeAmountsDocument,
    "\n  mutation CreateRecipe($input: RecipeInput!) {\n    createRecipe(input: $input) {\n      ...RecipeDetail\n    }\n  }\n": types.CreateRecipeDocument,
    "\n  mutation UpdateRecipe($id: ID!, $input: RecipeInput!) {\n    updateRecipe(id: $id, input: $input) {\n      ...RecipeDetail\n    }\n  }\n": types.UpdateRecipeDocument,
    "\n  mutation DeleteRecipe($id: ID!) {\n    deleteRecipe(id: $id)\n  }\n": types.DeleteRecipeDocument,
    "\n  mutation ImportRecipe($url: String, $html: String) {\n    importRecipe(url: $url, html: $html) {\n      ...RecipeDetail\n    }\n  }\n": types.ImportRecipeDocument,
    "\n  mutation PreviewRecipeImport($url: String, $html: String) {\n    previewRecipeImport(url: $url, html: $html) {\n      title\n      description\n      servings\n      prepMinutes\n      cookMinutes\n      ingredients {\n        position\n        raw\n      }\n      steps\n      tags\n      sourceUrl\n      imageUrl\n      nutrition {\n        calories\n        protein\n        carbs\n        fat\n      }\n      warnings {\n        code\n        field\n        message\n      }\n    }\n  }\n": types.PreviewRecipeImportDocument,
    "\n  mutation ImportRecipes($urls: [String!]!) {\n    importRecipes(urls: $urls) {\n      url\n      recipe {\n        id\n        title\n      }\n      error {\n        code\n        message\n      }\n    }\n  }\n": types.ImportRecipesDocument,
    "\n  query AllShoppingLists($includeArchived: Boolean) {\n    shoppingLists(first: 100, includeArchived: $includeArchived) {\n      id\n      name\n      weekStart\n      archived\n      createdAt\n    }\n  }\n": types.AllShoppingListsDocument,
    "\n  query ShoppingAisles {\n    myHousehold {\n      id\n      aisles\n    }\n  }\n": types.ShoppingAislesDocument,
    "\n  mutation CreateShoppingList($name: String!) {\n    createShoppingList(name: $name) {\n      id\n      name\n      archived\n    }\n  }\n": types.CreateShoppingListDocument,
    "\n  mutation RenameShoppingList($id: ID!, $name: String!) {\n    renameShoppingList(id: $id, name: $name) {\n      id\n      name\n    }\n  }\n": types.RenameShoppingListDocument,
    "\n  mutation ArchiveShoppingList($id: ID!, $archived: Boolean!) {\n    archiveShoppingList(id: $id, archived: $archived) {\n      id\n      archived\n    }\n  }\n": types.ArchiveShoppingListDocument,
    "\n  mutation DeleteShoppingList($id: ID!) {\n    deleteShoppingList(id: $id)\n  }\n": types.DeleteShoppingListDocument,
    "\n  mutation UpdateShoppingItem($itemId: ID!, $input: ShoppingItemInput!) {\n    updateShoppingItem(itemId: $itemId, input: $input) {\n      ...ShoppingItemFields\n    }\n  }\n": types.UpdateShoppingItemDocument,
    "\n  mutation DeleteShoppingItem($itemId: ID!) {\n    deleteShoppingItem(itemId: $itemId)\n  }\n": types.DeleteShoppingItemDocument,
    "\n  subscription ShoppingListsChanged {\n    shoppingListsChanged {\n      kind\n      listId\n      list {\n        id\n        name\n        archived\n      }\n    }\n  }\n": types.ShoppingListsChangedDocument,
    "\n  query ShoppingLists($first: Int) {\n    shoppingLists(first: $first) {\n      id\n      name\n      weekStart\n      createdAt\n    }\n  }\n": types.ShoppingListsDocument,
    "\n  fragment ShoppingListFields on ShoppingList {\n    id\n    name\n    weekStart\n    createdAt\n    items {\n      ...ShoppingItemFields\n    }\n  }\n": types.ShoppingListFieldsFragmentDoc,
    "\n  query ShoppingList($id: ID!) {\n    shoppingList(id: $id) {\n      ...ShoppingListFields\n    }\n  }\n": types.ShoppingListDocument,
    "\n  mutation GenerateShoppingList($weekStart: Date!) {\n    generateShoppingList(weekStart: $weekStart) {\n      ...ShoppingListFields\n    }\n  }\n": types.GenerateShoppingListDocument,
    "\n  mutation AddShoppingItem($listId: ID!, $text: String!) {\n    addShoppingItem(listId: $listId, text: $text) {\n      ...ShoppingItemFields\n    }\n  }\n": types.AddShoppingItemDocument,
    "\n  mutation SetHouseholdUnits($units: MeasurementSystem!) {\n    setHouseholdUnits(units: $units) {\n      id\n      units\n    }\n  }\n": types.SetHouseholdUnitsDocument,
    "\n  mutation ToggleShoppingItem($itemId: ID!, $checked: Boolean!) {\n    toggleShoppingItem(itemId: $itemId, checked: $checked) {\n      ...ShoppingItemFields\n    }\n  }\n": types.ToggleShoppingItemDocument,
    "\n  fragment AlertFields on Alert {\n    id\n    subject\n    status\n    summary\n    silenced\n    startedAt\n    firedAt\n    resolvedAt\n    acknowledgedAt\n    acknowledgedBy {\n      id\n      displayName\n    }\n    note\n    ruleName\n    reopenCount\n    lastReopenedAt\n    rule {\n      id\n      name\n      kind\n    }\n    notifications {\n      channel\n      target\n      transition\n      attempt\n      ok\n      httpStatus\n      error\n      attemptedAt\n    }\n  }\n": types.AlertFieldsFragmentDoc,
    "\n  query MonitoringAlerts($status: AlertStatus, $first: Int, $after: String) {\n    alerts(status: $status, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        ...PageInfoFields\n      }\n      edges {\n        cursor\n        node {\n          ...AlertFields\n        }\n      }\n    }\n  }\n": types.MonitoringAlertsDocument,
    "\n  query MonitoringFiringAlertCount {\n    alerts(status: FIRING, first: 1) {\n      totalCount\n    }\n  }\n": types.MonitoringFiringAlertCountDocument,
    "\n  subscription MonitoringAlertChanged {\n    alertChanged {\n      ...AlertFields\n    }\n  }\n": types.MonitoringAlertChangedDocument,
    "\n  mutation AcknowledgeAlert($id: ID!, $note: String) {\n    acknowledgeAlert(id: $id, note: $note) {\n      ...AlertFields\n    }\n  }\n": types.AcknowledgeAlertDocument,
    "\n  fragment NotificationChannelFields on NotificationChannel {\n    id\n    name\n    kind\n    target\n    hasSecret\n    enabled\n    createdAt\n    lastTest {\n      at\n      ok\n      httpStatus\n      error\n    }\n  }\n": types.NotificationChannelFieldsFragmentDoc,
    "\n  query MonitoringNotificationChannels {\n    notificationChannels {\n      ...NotificationChannelFields\n    }\n  }\n": types.MonitoringNotificationChannelsDocument,
    "\n  mutation CreateNotificationChannel($input: NotificationChannelInput!) {\n    createNotificationChannel(input: $input) {\n      ...NotificationChannelFields\n    }\n  }\n": types.CreateNotificationChannelDocument,
    "\n  mutation UpdateNotificationChannel($id: ID!, $input: NotificationChannelPatch!) {\n    updateNotificationChannel(id: $id, input: $input) {\n      ...NotificationChannelFields\n    }\n  }\n": types.UpdateNotificationChannelDocument,
    "\n  mutation DeleteNotificationChannel($id: ID!) {\n    deleteNotificationChannel(id: $id)\n  }\n": types.DeleteNotificationChannelDocument,
    "\n  mutation SendTestNotification($id: ID!) {\n    sendTestNotification(id: $id) {\n      at\n      ok\n      httpStatus\n      error\n    }\n  }\n": types.SendTestNotificationDocument,
    "\n  fragment ServiceStatusFields on ServiceStatus {\n    name\n    displayName\n    kind\n    status\n    latencyMs\n    error\n    lastCheckedAt\n    lastChangeAt\n    uptimeDay: uptime(window: DAY)\n    uptimeWeek: uptime(window: WEEK)\n    uptimeMonth: uptime(window: MONTH)\n    maintenance {\n      id\n      title\n      nextEndsAt\n    }\n  }\n": types.ServiceStatusFieldsFragmentDoc,
    "\n  fragment ServiceCheckFields on ServiceCheck {\n    status\n    latencyMs\n    error\n    checkedAt\n  }\n": types.ServiceCheckFieldsFragmentDoc,
    "\n  query MonitoringServices($from: DateTime!) {\n    services {\n      ...ServiceStatusFields\n      recent: history(from: $from) {\n        ...ServiceCheckFields\n      }\n    }\n  }\n": types.MonitoringServicesDocument,
    "\n  query MonitoringServiceHistory($from: DateTime!, $to: DateTime) {\n    services {\n      name\n      history(from: $from, to: $to) {\n        ...ServiceCheckFields\n      }\n    }\n  }\n": types.MonitoringServiceHistoryDocument,
    "\n  query MonitoringCircuitBreakers {\n    circuitBreakers {\n      service\n      name\n      state\n      failures\n      lastChangeAt\n    }\n  }\n": types.MonitoringCircuitBreakersDocument,
    "\n  subscription MonitoringServiceStatusChanged {\n    serviceStatusChanged {\n      ...ServiceStatusFields\n    }\n  }\n": types.MonitoringServiceStatusChangedDocument,
    "\n  mutation ResetCircuitBreaker($service: String!, $name: String!, $reason: String!) {\n    resetCircuitBreaker(service: $service, name: $name, reason: $reason) {\n      service\n      name\n      state\n      failures\n      lastChangeAt\n    }\n  }\n": types.ResetCircuitBreakerDocument,
    "\n  fragment IncidentFields on Incident {\n    id\n    title\n    status\n    impact\n    createdAt\n    resolvedAt\n    everyStatusPage\n    statusPages {\n      id\n      title\n    }\n    updates {\n      id\n      status\n      message\n      createdAt\n    }\n  }\n": types.IncidentFieldsFragmentDoc,
    "\n  query MonitoringIncidents {\n    incidents {\n      ...IncidentFields\n    }\n    statusPages {\n      id\n      title\n      slug\n    }\n  }\n": types.MonitoringIncidentsDocument,
    "\n  mutation CreateIncident($input: IncidentInput!) {\n    createIncident(input: $input) {\n      ...IncidentFields\n    }\n  }\n": types.CreateIncidentDocument,
    "\n  mutation PostIncidentUpdate($incidentId: ID!, $status: IncidentStatus!, $message: String!) {\n    postIncidentUpdate(incidentId: $incidentId, status: $status, message: $message) {\n      ...IncidentFields\n    }\n  }\n": types.PostIncidentUpdateDocument,
    "\n  fragment MaintenanceWindowFields on MaintenanceWindow {\n    id\n    title\n    description\n    scope\n    store {\n      id\n      name\n    }\n    subjects\n    startsAt\n    endsAt\n    recurrence {\n      kind\n      weekdays\n      startTime\n      durationMinutes\n      cron\n    }\n    timeZone\n    activeNow\n    nextStartsAt\n    nextEndsAt\n    createdAt\n    createdBy {\n      id\n      displayName\n    }\n  }\n": types.MaintenanceWindowFieldsFragmentDoc,
    "\n  query MaintenanceWindows {\n    maintenanceWindows {\n      ...MaintenanceWindowFields\n    }\n  }\n": types.MaintenanceWindowsDocument,
    "\n  query MaintenanceChoices {\n    services {\n      name\n    }\n    stores(first: 100) {\n      edges {\n        node {\n          id\n          name\n        }\n      }\n    }\n  }\n": types.MaintenanceChoicesDocument,
    "\n  mutation CreateMaintenanceWindow($input: MaintenanceWindowInput!) {\n    createMaintenanceWindow(input: $input) {\n      ...MaintenanceWindowFields\n    }\n  }\n": types.CreateMaintenanceWindowDocument,
    "\n  mutation UpdateMaintenanceWindow($id: ID!, $input: MaintenanceWindowInput!) {\n    updateMaintenanceWindow(id: $id, input: $input) {\n      ...MaintenanceWindowFields\n    }\n  }\n": types.UpdateMaintenanceWindowDocument,
    "\n  mutation DeleteMaintenanceWindow($id: ID!) {\n    deleteMaintenanceWindow(id: $id)\n  }\n": types.DeleteMaintenanceWindowDocument,
    "\n  fragment MonitorFields on Monitor {\n    id\n    name\n    kind\n    target\n    port\n    dnsRecordType\n    dnsExpected\n    intervalSeconds\n    timeoutMs\n    retries\n    enabled\n    certificateExpiresAt\n    createdAt\n    updatedAt\n    store {\n      id\n      name\n      code\n    }\n    http {\n      method\n      expectedStatusMin\n      expectedStatusMax\n      keyword\n      jsonPath\n      jsonExpected\n      followRedirects\n      certificateExpiryDays\n      ignoreTls\n    }\n    status {\n      ...ServiceStatusFields\n    }\n  }\n": types.MonitorFieldsFragmentDoc,
    "\n  query Monitors($storeId: ID, $from: DateTime!) {\n    monitors(storeId: $storeId) {\n      ...MonitorFields\n      status {\n        name\n        recent: history(from: $from) {\n          ...ServiceCheckFields\n        }\n      }\n    }\n  }\n": types.MonitorsDocument,
    "\n  query Monitor($id: ID!, $from: DateTime!) {\n    monitor(id: $id) {\n      ...MonitorFields\n      pushUrl\n      status {\n        name\n        recent: history(from: $from) {\n          ...ServiceCheckFields\n        }\n      }\n    }\n  }\n": types.MonitorDocument,
    "\n  mutation CreateMonitor($input: MonitorInput!) {\n    createMonitor(input: $input) {\n      ...MonitorFields\n      pushUrl\n    }\n  }\n": types.CreateMonitorDocument,
    "\n  mutation UpdateMonitor($id: ID!, $input: UpdateMonitorInput!) {\n    updateMonitor(id: $id, input: $input) {\n      ...MonitorFields\n    }\n  }\n": types.UpdateMonitorDocument,
    "\n  mutation DeleteMonitor($id: ID!) {\n    deleteMonitor(id: $id)\n  }\n": types.DeleteMonitorDocument,
    "\n  mutation RotatePushUrl($id: ID!) {\n    rotatePushUrl(id: $id) {\n      id\n      pushUrl\n    }\n  }\n": types.RotatePushUrlDocument,
    "\n  mutation CheckMonitorNow($id: ID!) {\n    checkMonitorNow(id: $id) {\n      ...MonitorFields\n    }\n  }\n": types.CheckMonitorNowDocument,
    "\n  fragment AlertRuleFields on AlertRule {\n    id\n    name\n    kind\n    target\n    thresholdMs\n    thresholdPercent\n    consecutiveChecks\n    forSeconds\n    enabled\n    repeatIntervalSeconds\n    channels {\n      id\n      name\n    }\n  }\n": types.AlertRuleFieldsFragmentDoc,
    "\n  query MonitoringRuleChannels {\n    notificationChannels {\n      id\n      name\n      enabled\n    }\n  }\n": types.MonitoringRuleChannelsDocument,
    "\n  query MonitoringAlertRules {\n    alertRules {\n      ...AlertRuleFields\n    }\n  }\n": types.MonitoringAlertRulesDocument,
    "\n  query MonitoringRuleTargets {\n    services {\n      name\n    }\n    circuitBreakers {\n      service\n      name\n    }\n  }\n": types.MonitoringRuleTargetsDocument,
    "\n  query MonitoringRuleHubs {\n    hubs {\n      id\n      name\n    }\n  }\n": types.MonitoringRuleHubsDocument,
    "\n  mutation CreateAlertRule($input: AlertRuleInput!) {\n    createAlertRule(input: $input) {\n      ...AlertRuleFields\n    }\n  }\n": types.CreateAlertRuleDocument,
    "\n  mutation UpdateAlertRule($id: ID!, $input: AlertRulePatch!) {\n    updateAlertRule(id: $id, input: $input) {\n      ...AlertRuleFields\n    }\n  }\n": types.UpdateAlertRuleDocument,
    "\n  mutation DeleteAlertRule($id: ID!) {\n    deleteAlertRule(id: $id)\n  }\n": types.DeleteAlertRuleDocument,
    "\n  fragment SilenceFields on Silence {\n    id\n    matcher\n    until\n    reason\n    createdAt\n    createdBy {\n      id\n      displayName\n    }\n  }\n": types.SilenceFieldsFragmentDoc,
    "\n  query MonitoringSilences {\n    silences {\n      ...SilenceFields\n    }\n  }\n": types.MonitoringSilencesDocument,
    "\n  mutation CreateSilence($matcher: String!, $until: DateTime!, $reason: String!) {\n    createSilence(matcher: $matcher, until: $until, reason: $reason) {\n      ...SilenceFields\n    }\n  }\n": types.CreateSilenceDocument,
    "\n  mutation UpdateSilence($id: ID!, $input: SilencePatch!) {\n    updateSilence(id: $id, input: $input) {\n      ...SilenceFields\n    }\n  }\n": types.UpdateSilenceDocument,
    "\n  mutation ExpireSilence($id: ID!) {\n    expireSilence(id: $id) {\n      ...SilenceFields\n    }\n  }\n": types.ExpireSilenceDocument,
    "\n  fragment StatusPageFields on StatusPage {\n    id\n    slug\n    title\n    description\n    published\n    components {\n      subject\n      displayName\n    }\n  }\n": types.StatusPageFieldsFragmentDoc,
    "\n  query MonitoringStatusPages {\n    statusPages {\n      ...StatusPageFields\n    }\n    services {\n      name\n      displayName\n      kind\n    }\n  }\n": types.MonitoringStatusPagesDocument,
    "\n  mutation CreateStatusPage($input: StatusPageInput!) {\n    createStatusPage(input: $input) {\n      ...StatusPageFields\n    }\n  }\n": types.CreateStatusPageDocument,
    "\n  mutation UpdateStatusPage($id: ID!, $input: UpdateStatusPageInput!) {\n    updateStatusPage(id: $id, input: $input) {\n      ...StatusPageFields\n    }\n  }\n": types.UpdateStatusPageDocument,
    "\n  mutation DeleteStatusPage($id: ID!) {\n    deleteStatusPage(id: $id)\n  }\n": types.DeleteStatusPageDocument,
    "\n  fragment BackupRow on Backup {\n    id\n    trigger\n    status\n    startedAt\n    finishedAt\n    sizeBytes\n    localPath\n    s3Url\n    error\n    downloadPath\n  }\n": types.BackupRowFragmentDoc,
    "\n  query Backups {\n    backups(first: 20) {\n      ...BackupRow\n    }\n    backupSettings {\n      schedule\n      nextRunAt\n      keepLast\n      keepDaily\n      keepWeekly\n      s3Enabled\n      lastSucceededAt\n    }\n  }\n": types.BackupsDocument,
    "\n  mutation StartBackup {\n    startBackup {\n      ...BackupRow\n    }\n  }\n": types.StartBackupDocument,
    "\n  mutation RequestEmailChange($newEmail: String!, $currentPassword: String!) {\n    requestEmailChange(newEmail: $newEmail, currentPassword: $currentPassword)\n  }\n": types.RequestEmailChangeDocument,
    "\n  fragment ProvisioningTemplateFields on ProvisioningTemplate {\n    storeType\n    version\n    steps {\n      key\n      title\n      required\n    }\n    createdAt\n    createdBy {\n      id\n      displayName\n    }\n  }\n": types.ProvisioningTemplateFieldsFragmentDoc,
    "\n  query ProvisioningTemplates {\n    provisioningTemplates {\n      ...ProvisioningTemplateFields\n    }\n  }\n": types.ProvisioningTemplatesDocument,
    "\n  query ProvisioningTemplateHistory($storeType: StoreType!) {\n    provisioningTemplateHistory(storeType: $storeType) {\n      ...ProvisioningTemplateFields\n    }\n  }\n": types.ProvisioningTemplateHistoryDocument,
    "\n  mutation PublishProvisioningTemplate(\n    $storeType: StoreType!\n    $steps: [ProvisioningTemplateStepInput!]!\n    $expectedVersion: Int!\n  ) {\n    publishProvisioningTemplate(storeType: $storeType, steps: $steps, expectedVersion: $expectedVersion) {\n      ...ProvisioningTemplateFields\n    }\n  }\n": types.PublishProvisioningTemplateDocument,
    "\n  fragment SessionRow on Session {\n    id\n    createdAt\n    lastUsedAt\n    clientAddress\n    userAgentSummary\n    current\n  }\n": types.SessionRowFragmentDoc,
    "\n  query MySessions {\n    mySessions {\n      ...SessionRow\n    }\n  }\n": types.MySessionsDocument,
    "\n  query UserSessions($userId: ID!) {\n    userSessions(userId: $userId) {\n      ...SessionRow\n      user {\n        id\n        displayName\n        email\n      }\n    }\n  }\n": types.UserSessionsDocument,
    "\n  mutation RevokeSession($id: ID!) {\n    revokeSession(id: $id) {\n      id\n    }\n  }\n": types.RevokeSessionDocument,
    "\n  mutation RotateApiKey($id: ID!, $gracePeriodSeconds: Int) {\n    rotateApiKey(id: $id, gracePeriodSeconds: $gracePeriodSeconds) {\n      secret\n      apiKey {\n        id\n        name\n        rotatedAt\n        previousSecretExpiresAt\n      }\n    }\n  }\n": types.RotateApiKeyDocument,
    "\n  query SecurityEvents($filter: SecurityEventFilter, $first: Int, $after: String) {\n    securityEvents(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        ...PageInfoFields\n      }\n      edges {\n        node {\n          id\n          type\n          occurredAt\n          actor {\n            id\n            displayName\n            email\n          }\n          actorApiKeyId\n          subject {\n            id\n            displayName\n            email\n          }\n          email\n          clientAddress\n          userAgentSummary\n          detail\n        }\n      }\n    }\n  }\n": types.SecurityEventsDocument,
    "\n  query SecurityLogUsers {\n    users(first: 200) {\n      edges {\n        node {\n          id\n          displayName\n          email\n        }\n      }\n    }\n  }\n": types.SecurityLogUsersDocument,
    "\n  query ApiKeys {\n    apiKeys {\n      id\n      name\n      scopes\n      createdAt\n      lastUsedAt\n      revokedAt\n      expiresAt\n      expiresSoon\n      rotatedAt\n      previousSecretExpiresAt\n      owner {\n        id\n        displayName\n      }\n    }\n    apiKeyScopes\n  }\n": types.ApiKeysDocument,
    "\n  mutation CreateApiKey($name: String!, $scopes: [String!]!, $expiresAt: DateTime) {\n    createApiKey(name: $name, scopes: $scopes, expiresAt: $expiresAt) {\n      secret\n      apiKey {\n        id\n        name\n      }\n    }\n  }\n": types.CreateApiKeyDocument,
    "\n  mutation RevokeApiKey($id: ID!) {\n    revokeApiKey(id: $id) {\n      id\n      revokedAt\n    }\n  }\n": types.RevokeApiKeyDocument,
    "\n  fragment UserRow on User {\n    id\n    email\n    displayName\n    role\n    deactivatedAt\n    lastLoginAt\n  }\n": types.UserRowFragmentDoc,
    "\n  query Users($after: String) {\n    users(first: 50, after: $after) {\n      totalCount\n      pageInfo {\n        ...PageInfoFields\n      }\n      edges {\n        node {\n          ...UserRow\n        }\n      }\n    }\n  }\n": types.UsersDocument,
    "\n  mutation CreateUser($input: CreateUserInput!) {\n    createUser(input: $input) {\n      ...UserRow\n    }\n  }\n": types.CreateUserDocument,
    "\n  mutation UpdateUserRole($id: ID!, $role: Role!) {\n    updateUserRole(id: $id, role: $role) {\n      id\n      role\n    }\n  }\n": types.UpdateUserRoleDocument,
    "\n  mutation DeactivateUser($id: ID!) {\n    deactivateUser(id: $id) {\n      id\n      deactivatedAt\n    }\n  }\n": types.DeactivateUserDocument,
    "\n  query Profile {\n    me {\n      id\n      email\n      displayName\n      role\n      createdAt\n      lastLoginAt\n    }\n  }\n": types.ProfileDocument,
    "\n  mutation UpdateMyProfile($displayName: String!) {\n    updateMyProfile(displayName: $displayName) {\n      id\n      displayName\n    }\n  }\n": types.UpdateMyProfileDocument,
    "\n  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {\n    changePassword(currentPassword: $currentPassword, newPassword: $newPassword)\n  }\n": types.ChangePasswordDocument,
    "\n  mutation LogoutEverywhere {\n    logoutEverywhere\n  }\n": types.LogoutEverywhereDocument,
    "\n  fragment InvitationRow on Invitation {\n    id\n    email\n    role\n    status\n    createdAt\n    sentAt\n    expiresAt\n    invitedBy {\n      id\n      displayName\n    }\n  }\n": types.InvitationRowFragmentDoc,
    "\n  query Invitations {\n    invitations {\n      ...InvitationRow\n    }\n  }\n": types.InvitationsDocument,
    "\n  mutation InviteUser($input: InviteUserInput!) {\n    inviteUser(input: $input) {\n      ...InvitationRow\n    }\n  }\n": types.InviteUserDocument,
    "\n  mutation RevokeInvitation($id: ID!) {\n    revokeInvitation(id: $id) {\n      ...InvitationRow\n    }\n  }\n": types.RevokeInvitationDocument,
    "\n  mutation ResendInvitation($id: ID!) {\n    resendInvitation(id: $id) {\n      ...InvitationRow\n    }\n  }\n": types.ResendInvitationDocument,
    "\n  mutation SendPasswordResetLink($id: ID!) {\n    sendPasswordResetLink(id: $id)\n  }\n": types.SendPasswordResetLinkDocument,
    "\n  mutation ReactivateUser($id: ID!) {\n    reactivateUser(id: $id) {\n      id\n      deactivatedAt\n    }\n  }\n": types.ReactivateUserDocument,
    "\n  fragment WebhookEndpointFields on WebhookEndpoint {\n    id\n    url\n    description\n    eventTypes\n    status\n    disabledReason\n    disabledAt\n    ownerId\n    owner {\n      id\n      displayName\n    }\n    failingSince\n    previousSecretExpiresAt\n    createdAt\n  }\n": types.WebhookEndpointFieldsFragmentDoc,
    "\n  fragment WebhookDeliveryFields on WebhookDelivery {\n    id\n    endpointId\n    eventId\n    eventType\n    status\n    attempts\n    nextAttemptAt\n    occurredAt\n    createdAt\n    body\n    attemptLog {\n      id\n      attemptedAt\n      httpStatus\n      latencyMs\n      responseSnippet\n      error\n    }\n  }\n": types.WebhookDeliveryFieldsFragmentDoc,
    "\n  fragment WebhookEventTypeFields on WebhookEventType {\n    type\n    description\n    adminOnly\n    subscribable\n  }\n": types.WebhookEventTypeFieldsFragmentDoc,
    "\n  query WebhookEndpoints {\n    webhookEndpoints {\n      ...WebhookEndpointFields\n    }\n    webhookEventTypes {\n      ...WebhookEventTypeFields\n    }\n  }\n": types.WebhookEndpointsDocument,
    "\n  query WebhookDeliveries($endpointId: ID!, $filter: WebhookDeliveryFilter, $first: Int, $after: String) {\n    webhookDeliveries(endpointId: $endpointId, filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        ...PageInfoFields\n      }\n      edges {\n        node {\n          ...WebhookDeliveryFields\n        }\n      }\n    }\n  }\n": types.WebhookDeliveriesDocument,
    "\n  mutation CreateWebhookEndpoint($input: CreateWebhookEndpointInput!) {\n    createWebhookEndpoint(input: $input) {\n      secret\n      endpoint {\n        ...WebhookEndpointFields\n      }\n    }\n  }\n": types.CreateWebhookEndpointDocument,
    "\n  mutation UpdateWebhookEndpoint($id: ID!, $input: UpdateWebhookEndpointInput!) {\n    updateWebhookEndpoint(id: $id, input: $input) {\n      ...WebhookEndpointFields\n    }\n  }\n": types.UpdateWebhookEndpointDocument,
    "\n  mutation RotateWebhookSecret($id: ID!) {\n    rotateWebhookSecret(id: $id) {\n      secret\n      endpoint {\n        ...WebhookEndpointFields\n      }\n    }\n  }\n": types.RotateWebhookSecretDocument,
    "\n  mutation DeleteWebhookEndpoint($id: ID!) {\n    deleteWebhookEndpoint(id: $id)\n  }\n": types.DeleteWebhookEndpointDocument,
    "\n  mutation PingWebhookEndpoint($id: ID!) {\n    pingWebhookEndpoint(id: $id) {\n      ...WebhookDeliveryFields\n    }\n  }\n": types.PingWebhookEndpointDocument,
    "\n  mutation RedeliverWebhook($deliveryId: ID!) {\n    redeliverWebhook(deliveryId: $deliveryId) {\n      ...WebhookDeliveryFields\n    }\n  }\n": types.RedeliverWebhookDocument,
    "\n  mutation AddStoreNetwork($storeId: ID!, $expectedVersion: Int!, $input: StoreNetworkInput!) {\n    addStoreNetwork(storeId: $storeId, expectedVersion: $expectedVersion, input: $input) {\n      ...StoreDetail\n    }\n  }\n": types.AddStoreNetworkDocument,
    "\n  mutation UpdateStoreNetwork($storeId: ID!, $networkId: ID!, $expectedVersion: Int!, $input: StoreNetworkInput!) {\n    updateStoreNetwork(storeId: $storeId, networkId: $networkId, expectedVersion: $expectedVersion, input: $input) {\n      ...StoreDetail\n    }\n  }\n": types.UpdateStoreNetworkDocument,
    "\n  mutation RemoveStoreNetwork($storeId: ID!, $networkId: ID!, $expectedVersion: Int!) {\n    removeStoreNetwork(storeId: $storeId, networkId: $networkId, expectedVersion: $expectedVersion) {\n      ...StoreDetail\n    }\n  }\n": types.RemoveStoreNetworkDocument,
    "\n  fragment StoreNoteFields on StoreNote {\n    id\n    body\n    createdAt\n    author {\n      kind\n      user {\n        id\n        displayName\n      }\n    }\n  }\n": types.StoreNoteFieldsFragmentDoc,
    "\n  query StoreNotes($id: ID!, $first: Int, $after: String) {\n    store(id: $id) {\n      id\n      notes(first: $first, after: $after) {\n        totalCount\n        pageInfo {\n          ...PageInfoFields\n        }\n        edges {\n          node {\n            ...StoreNoteFields\n          }\n        }\n      }\n    }\n  }\n": types.StoreNotesDocument,
    "\n  mutation AddStoreNote($storeId: ID!, $body: String!) {\n    addStoreNote(storeId: $storeId, body: $body) {\n      ...StoreNoteFields\n    }\n  }\n": types.AddStoreNoteDocument,
    "\n  mutation DeleteStoreNote($id: ID!) {\n    deleteStoreNote(id: $id)\n  }\n": types.DeleteStoreNoteDocument,
    "\n  query Store($id: ID!) {\n    store(id: $id) {\n      ...StoreDetail\n    }\n  }\n": types.StoreDocument,
    "\n  query StoreAudit($id: ID!, $first: Int, $after: String) {\n    store(id: $id) {\n      id\n      auditLog(first: $first, after: $after) {\n        totalCount\n        pageInfo {\n          ...PageInfoFields\n        }\n        edges {\n          node {\n            ...StoreAuditEntryFields\n          }\n        }\n      }\n    }\n  }\n": types.StoreAuditDocument,
    "\n  mutation UpdateStore($id: ID!, $expectedVersion: Int!, $input: UpdateStoreInput!) {\n    updateStore(id: $id, expectedVersion: $expectedVersion, input: $input) {\n      ...StoreDetail\n    }\n  }\n": types.UpdateStoreDocument,
    "\n  mutation TransitionStore($id: ID!, $to: StoreStatus!, $expectedVersion: Int!, $reason: String) {\n    transitionStore(id: $id, to: $to, expectedVersion: $expectedVersion, reason: $reason) {\n      ...StoreDetail\n    }\n  }\n": types.TransitionStoreDocument,
    "\n  mutation CompleteProvisioningStep($storeId: ID!, $key: String!, $expectedVersion: Int!) {\n    completeProvisioningStep(storeId: $storeId, key: $key, expectedVersion: $expectedVersion) {\n      ...StoreDetail\n    }\n  }\n": types.CompleteProvisioningStepDocument,
    "\n  mutation SetStoreTags($id: ID!, $expectedVersion: Int!, $tags: [String!]!) {\n    setStoreTags(id: $id, expectedVersion: $expectedVersion, tags: $tags) {\n      ...StoreDetail\n    }\n  }\n": types.SetStoreTagsDocument,
    "\n  query StoreChange($changeId: ID!) {\n    storeChange(changeId: $changeId) {\n      ...StoreAuditEntryFields\n      storeId\n      store {\n        id\n        code\n        name\n      }\n    }\n  }\n": types.StoreChangeDocument,
    "\n  fragment AssetSummary on Asset {\n    id\n    kind\n    serialNumber\n    model\n    vendor\n    status\n    store {\n      id\n    }\n  }\n": types.AssetSummaryFragmentDoc,
    "\n  query StoreHardware($id: ID!) {\n    store(id: $id) {\n      id\n      assets {\n        ...AssetSummary\n        allocations {\n          allocatedAt\n          releasedAt\n        }\n      }\n      hubs {\n        id\n        name\n        status\n        mode\n        lastSeenAt\n      }\n      devices {\n        id\n        label\n        name\n        type\n        room\n        attributes {\n          name\n          value\n        }\n        hub {\n          id\n          name\n          status\n        }\n      }\n    }\n  }\n": types.StoreHardwareDocument,
    "\n  query AvailableAssets($search: String, $kind: AssetKind, $first: Int) {\n    assets(filter: { status: IN_STOCK, search: $search, kind: $kind }, first: $first) {\n      totalCount\n      edges {\n        node {\n          ...AssetSummary\n        }\n      }\n    }\n  }\n": types.AvailableAssetsDocument,
    "\n  query StoreImportTemplate {\n    storeImportTemplate\n  }\n": types.StoreImportTemplateDocument,
    "\n  mutation ImportStores($csv: String!, $apply: Boolean) {\n    importStores(csv: $csv, apply: $apply) {\n      valid\n      rowCount\n      changeId\n      errors {\n        row\n        column\n        code\n        message\n      }\n      created {\n        ...StoreListItem\n      }\n    }\n  }\n": types.ImportStoresDocument,
    "\n  query SuggestSubnet($prefixLength: Int) {\n    suggestSubnet(prefixLength: $prefixLength)\n  }\n": types.SuggestSubnetDocument,
    "\n  mutation CreateStore($input: CreateStoreInput!) {\n    createStore(input: $input) {\n      ...StoreDetail\n    }\n  }\n": types.CreateStoreDocument,
    "\n  query Stores($filter: StoreFilter, $orderBy: StoreOrder, $first: Int, $after: String) {\n    stores(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        ...PageInfoFields\n      }\n      edges {\n        cursor\n        node {\n          ...StoreListItem\n        }\n      }\n    }\n  }\n": types.StoresDocument,
    "\n  mutation BulkTransitionStores($ids: [ID!]!, $to: StoreStatus!, $reason: String) {\n    bulkTransitionStores(ids: $ids, to: $to, reason: $reason) {\n      succeeded\n      failed\n      changeId\n      results {\n        id\n        ok\n        store {\n          ...StoreListItem\n          allowedTransitions\n          openedAt\n        }\n        error {\n          code\n          message\n        }\n      }\n    }\n  }\n": types.BulkTransitionStoresDocument,
    "\n  mutation BulkTagStores($ids: [ID!]!, $add: [String!], $remove: [String!], $reason: String) {\n    bulkTagStores(ids: $ids, add: $add, remove: $remove, reason: $reason) {\n      succeeded\n      failed\n      changeId\n      results {\n        id\n        ok\n        store {\n          ...StoreListItem\n        }\n        error {\n          code\n          message\n        }\n      }\n    }\n  }\n": types.BulkTagStoresDocument,
    "\n  query StoreTags {\n    storeTags {\n      tag\n      count\n    }\n  }\n": types.StoreTagsDocument,
    "\n  query WebhookCatalogue {\n    webhookEventTypes {\n      type\n      description\n      example\n      adminOnly\n    }\n  }\n": types.WebhookCatalogueDocument,
    "\n  mutation ConfirmEmailChange($token: String!) {\n    confirmEmailChange(token: $token)\n  }\n": types.ConfirmEmailChangeDocument,
    "\n  mutation RequestPasswordReset($email: String!) {\n    requestPasswordReset(email: $email)\n  }\n": types.RequestPasswordResetDocument,
    "\n  query InvitationPreview($token: String!) {\n    invitation(token: $token) {\n      email\n      role\n      expiresAt\n      invitedByName\n    }\n  }\n": types.InvitationPreviewDocument,
    "\n  mutation AcceptInvitation($input: AcceptInvitationInput!) {\n    acceptInvitation(input: $input) {\n      ...AuthPayloadFields\n    }\n  }\n": types.AcceptInvitationDocument,
    "\n  mutation ResetPassword($token: String!, $newPassword: String!) {\n    resetPassword(token: $token, newPassword: $newPassword)\n  }\n": types.ResetPasswordDocument,
    "\n  query PublicStatusPage($slug: String!) {\n    publicStatusPage(slug: $slug) {\n      title\n      description\n      status\n      updatedAt\n      components {\n        displayName\n        status\n        uptime90\n        uptimeDays {\n          date\n          uptime\n        }\n      }\n      incidents {\n        id\n        title\n        status\n        impact\n        createdAt\n        resolvedAt\n        updates {\n          status\n          message\n          createdAt\n        }\n      }\n      maintenance {\n        title\n        startsAt\n        endsAt\n        activeNow\n      }\n    }\n  }\n": types.PublicStatusPageDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment SessionUser on User {\n    id\n    email\n    displayName\n    role\n  }\n"): (typeof documents)["\n  fragment SessionUser on User {\n    id\n    email\n    displayName\n    role\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AuthPayloadFields on AuthPayload {\n    accessToken\n    refreshToken\n    expiresAt\n    user {\n      ...SessionUser\n    }\n    twoFactorEnrolmentRequired\n  }\n"): (typeof documents)["\n  fragment AuthPayloadFields on AuthPayload {\n    accessToken\n    refreshToken\n    expiresAt\n    user {\n      ...SessionUser\n    }\n    twoFactorEnrolmentRequired\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Login($email: String!, $password: String!, $device: String) {\n    login(email: $email, password: $password, device: $device) {\n      accessToken\n      refreshToken\n      expiresAt\n      user {\n        ...SessionUser\n      }\n      twoFactorEnrolmentRequired\n      secondFactor {\n        challengeToken\n        expiresAt\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation Login($email: String!, $password: String!, $device: String) {\n    login(email: $email, password: $password, device: $device) {\n      accessToken\n      refreshToken\n      expiresAt\n      user {\n        ...SessionUser\n      }\n      twoFactorEnrolmentRequired\n      secondFactor {\n        challengeToken\n        expiresAt\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CompleteSignIn($challengeToken: String!, $code: String!) {\n    completeSignIn(challengeToken: $challengeToken, code: $code) {\n      ...AuthPayloadFields\n    }\n  }\n"): (typeof documents)["\n  mutation CompleteSignIn($challengeToken: String!, $code: String!) {\n    completeSignIn(challengeToken: $challengeToken, code: $code) {\n      ...AuthPayloadFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RefreshSession($refreshToken: String!) {\n    refreshSession(refreshToken: $refreshToken) {\n      ...AuthPayloadFields\n    }\n  }\n"): (typeof documents)["\n  mutation RefreshSession($refreshToken: String!) {\n    refreshSession(refreshToken: $refreshToken) {\n      ...AuthPayloadFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Logout {\n    logout\n  }\n"): (typeof documents)["\n  mutation Logout {\n    logout\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription SessionRevoked {\n    sessionRevoked {\n      sessionId\n      reason\n      current\n    }\n  }\n"): (typeof documents)["\n  subscription SessionRevoked {\n    sessionRevoked {\n      sessionId\n      reason\n      current\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment PageInfoFields on PageInfo {\n    hasNextPage\n    endCursor\n  }\n"): (typeof documents)["\n  fragment PageInfoFields on PageInfo {\n    hasNextPage\n    endCursor\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment StoreAuditEntryFields on AuditEntry {\n    id\n    version\n    action\n    reason\n    changeId\n    createdAt\n    actor {\n      kind\n      user {\n        id\n        displayName\n      }\n    }\n    changes {\n      field\n      before\n      after\n    }\n  }\n"): (typeof documents)["\n  fragment StoreAuditEntryFields on AuditEntry {\n    id\n    version\n    action\n    reason\n    changeId\n    createdAt\n    actor {\n      kind\n      user {\n        id\n        displayName\n      }\n    }\n    changes {\n      field\n      before\n      after\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment StoreListItem on Store {\n    id\n    code\n    name\n    type\n    status\n    address {\n      city\n      country\n    }\n    provisioningProgress\n    version\n    updatedAt\n    tags\n  }\n"): (typeof documents)["\n  fragment StoreListItem on Store {\n    id\n    code\n    name\n    type\n    status\n    address {\n      city\n      country\n    }\n    provisioningProgress\n    version\n    updatedAt\n    tags\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment StoreDetail on Store {\n    ...StoreListItem\n    address {\n      line1\n      line2\n      city\n      region\n      postalCode\n      country\n    }\n    latitude\n    longitude\n    timezone\n    openedAt\n    network {\n      vlanId\n      subnet\n      gateway\n      dhcpRange {\n        start\n        end\n      }\n    }\n    networks {\n      id\n      purpose\n      name\n      vlanId\n      subnet\n      gateway\n      dhcpRange {\n        start\n        end\n      }\n    }\n    provisioningSteps {\n      key\n      title\n      done\n      doneAt\n      doneBy {\n        id\n        displayName\n      }\n      required\n    }\n    allowedTransitions\n    createdAt\n    createdBy {\n      id\n      displayName\n    }\n    templateVersion\n  }\n"): (typeof documents)["\n  fragment StoreDetail on Store {\n    ...StoreListItem\n    address {\n      line1\n      line2\n      city\n      region\n      postalCode\n      country\n    }\n    latitude\n    longitude\n    timezone\n    openedAt\n    network {\n      vlanId\n      subnet\n      gateway\n      dhcpRange {\n        start\n        end\n      }\n    }\n    networks {\n      id\n      purpose\n      name\n      vlanId\n      subnet\n      gateway\n      dhcpRange {\n        start\n        end\n      }\n    }\n    provisioningSteps {\n      key\n      title\n      done\n      doneAt\n      doneBy {\n        id\n        displayName\n      }\n      required\n    }\n    allowedTransitions\n    createdAt\n    createdBy {\n      id\n      displayName\n    }\n    templateVersion\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription StoreChanged($id: ID) {\n    storeChanged(id: $id) {\n      kind\n      storeId\n      changedFields\n      version\n      occurredAt\n      actor {\n        kind\n        user {\n          id\n          displayName\n        }\n      }\n      store {\n        ...StoreDetail\n      }\n    }\n  }\n"): (typeof documents)["\n  subscription StoreChanged($id: ID) {\n    storeChanged(id: $id) {\n      kind\n      storeId\n      changedFields\n      version\n      occurredAt\n      actor {\n        kind\n        user {\n          id\n          displayName\n        }\n      }\n      store {\n        ...StoreDetail\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AssetDetail on Asset {\n    ...AssetSummary\n    notes\n    createdAt\n    updatedAt\n    store {\n      id\n      name\n      code\n    }\n  }\n"): (typeof documents)["\n  fragment AssetDetail on Asset {\n    ...AssetSummary\n    notes\n    createdAt\n    updatedAt\n    store {\n      id\n      name\n      code\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Assets($filter: AssetFilter, $first: Int, $after: String) {\n    assets(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        ...PageInfoFields\n      }\n      edges {\n        node {\n          ...AssetDetail\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Assets($filter: AssetFilter, $first: Int, $after: String) {\n    assets(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        ...PageInfoFields\n      }\n      edges {\n        node {\n          ...AssetDetail\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AssetHistory on Asset {\n    allocations {\n      store {\n        id\n        name\n        code\n      }\n      allocatedAt\n      allocatedBy\n      releasedAt\n      releasedBy\n    }\n  }\n"): (typeof documents)["\n  fragment AssetHistory on Asset {\n    allocations {\n      store {\n        id\n        name\n        code\n      }\n      allocatedAt\n      allocatedBy\n      releasedAt\n      releasedBy\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Asset($id: ID!) {\n    asset(id: $id) {\n      ...AssetDetail\n      ...AssetHistory\n    }\n  }\n"): (typeof documents)["\n  query Asset($id: ID!) {\n    asset(id: $id) {\n      ...AssetDetail\n      ...AssetHistory\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateAsset($input: CreateAssetInput!, $idempotencyKey: String) {\n    createAsset(input: $input, idempotencyKey: $idempotencyKey) {\n      ...AssetDetail\n    }\n  }\n"): (typeof documents)["\n  mutation CreateAsset($input: CreateAssetInput!, $idempotencyKey: String) {\n    createAsset(input: $input, idempotencyKey: $idempotencyKey) {\n      ...AssetDetail\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateAsset($id: ID!, $input: UpdateAssetInput!) {\n    updateAsset(id: $id, input: $input) {\n      ...AssetDetail\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateAsset($id: ID!, $input: UpdateAssetInput!) {\n    updateAsset(id: $id, input: $input) {\n      ...AssetDetail\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AllocateAsset($assetId: ID!, $storeId: ID!) {\n    allocateAsset(assetId: $assetId, storeId: $storeId) {\n      ...AssetSummary\n    }\n  }\n"): (typeof documents)["\n  mutation AllocateAsset($assetId: ID!, $storeId: ID!) {\n    allocateAsset(assetId: $assetId, storeId: $storeId) {\n      ...AssetSummary\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReleaseAsset($assetId: ID!) {\n    releaseAsset(assetId: $assetId) {\n      ...AssetSummary\n      allocations {\n        store {\n          id\n        }\n        allocatedAt\n        releasedAt\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ReleaseAsset($assetId: ID!) {\n    releaseAsset(assetId: $assetId) {\n      ...AssetSummary\n      allocations {\n        store {\n          id\n        }\n        allocatedAt\n        releasedAt\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MarkAssetFaulty($assetId: ID!, $notes: String) {\n    markAssetFaulty(assetId: $assetId, notes: $notes) {\n      ...AssetDetail\n      ...AssetHistory\n    }\n  }\n"): (typeof documents)["\n  mutation MarkAssetFaulty($assetId: ID!, $notes: String) {\n    markAssetFaulty(assetId: $assetId, notes: $notes) {\n      ...AssetDetail\n      ...AssetHistory\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RetireAsset($assetId: ID!) {\n    retireAsset(assetId: $assetId) {\n      ...AssetDetail\n      ...AssetHistory\n    }\n  }\n"): (typeof documents)["\n  mutation RetireAsset($assetId: ID!) {\n    retireAsset(assetId: $assetId) {\n      ...AssetDetail\n      ...AssetHistory\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReleaseStoreAssets($storeId: ID!) {\n    releaseStoreAssets(storeId: $storeId) {\n      ...AssetSummary\n    }\n  }\n"): (typeof documents)["\n  mutation ReleaseStoreAssets($storeId: ID!) {\n    releaseStoreAssets(storeId: $storeId) {\n      ...AssetSummary\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StoreChoices($statuses: [StoreStatus!]) {\n    stores(filter: { statuses: $statuses }, first: 200) {\n      edges {\n        node {\n          id\n          code\n          name\n          status\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query StoreChoices($statuses: [StoreStatus!]) {\n    stores(filter: { statuses: $statuses }, first: 200) {\n      edges {\n        node {\n          id\n          code\n          name\n          status\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TwoFactorStatus {\n    twoFactorStatus {\n      enabled\n      enabledAt\n      recoveryCodesLeft\n      required\n    }\n  }\n"): (typeof documents)["\n  query TwoFactorStatus {\n    twoFactorStatus {\n      enabled\n      enabledAt\n      recoveryCodesLeft\n      required\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation BeginTwoFactorEnrolment {\n    beginTwoFactorEnrolment {\n      secret\n      otpauthUri\n    }\n  }\n"): (typeof documents)["\n  mutation BeginTwoFactorEnrolment {\n    beginTwoFactorEnrolment {\n      secret\n      otpauthUri\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConfirmTwoFactorEnrolment($code: String!) {\n    confirmTwoFactorEnrolment(code: $code)\n  }\n"): (typeof documents)["\n  mutation ConfirmTwoFactorEnrolment($code: String!) {\n    confirmTwoFactorEnrolment(code: $code)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RegenerateRecoveryCodes($code: String!) {\n    regenerateRecoveryCodes(code: $code)\n  }\n"): (typeof documents)["\n  mutation RegenerateRecoveryCodes($code: String!) {\n    regenerateRecoveryCodes(code: $code)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DisableTwoFactor($code: String!) {\n    disableTwoFactor(code: $code)\n  }\n"): (typeof documents)["\n  mutation DisableTwoFactor($code: String!) {\n    disableTwoFactor(code: $code)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StoreMetrics {\n    all: stores(first: 1) {\n      totalCount\n    }\n    draft: stores(filter: { statuses: [DRAFT] }, first: 1) {\n      totalCount\n    }\n    provisioning: stores(filter: { statuses: [PROVISIONING] }, first: 1) {\n      totalCount\n    }\n    active: stores(filter: { statuses: [ACTIVE] }, first: 1) {\n      totalCount\n    }\n    suspended: stores(filter: { statuses: [SUSPENDED] }, first: 1) {\n      totalCount\n    }\n    decommissioned: stores(filter: { statuses: [DECOMMISSIONED] }, first: 1) {\n      totalCount\n    }\n  }\n"): (typeof documents)["\n  query StoreMetrics {\n    all: stores(first: 1) {\n      totalCount\n    }\n    draft: stores(filter: { statuses: [DRAFT] }, first: 1) {\n      totalCount\n    }\n    provisioning: stores(filter: { statuses: [PROVISIONING] }, first: 1) {\n      totalCount\n    }\n    active: stores(filter: { statuses: [ACTIVE] }, first: 1) {\n      totalCount\n    }\n    suspended: stores(filter: { statuses: [SUSPENDED] }, first: 1) {\n      totalCount\n    }\n    decommissioned: stores(filter: { statuses: [DECOMMISSIONED] }, first: 1) {\n      totalCount\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query HardwareMetrics {\n    hubs {\n      id\n      status\n    }\n  }\n"): (typeof documents)["\n  query HardwareMetrics {\n    hubs {\n      id\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DashboardOverview {\n    overview {\n      scope\n      devicesOnline\n      devicesTotal\n      hubsOffline\n      firingAlerts\n      eventsLastHour\n    }\n  }\n"): (typeof documents)["\n  query DashboardOverview {\n    overview {\n      scope\n      devicesOnline\n      devicesTotal\n      hubsOffline\n      firingAlerts\n      eventsLastHour\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DashboardHealth {\n    services {\n      name\n      kind\n      status\n      latencyMs\n      lastChangeAt\n    }\n  }\n"): (typeof documents)["\n  query DashboardHealth {\n    services {\n      name\n      kind\n      status\n      latencyMs\n      lastChangeAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription DashboardHealthChanged {\n    serviceStatusChanged {\n      name\n      kind\n      status\n      latencyMs\n      lastChangeAt\n    }\n  }\n"): (typeof documents)["\n  subscription DashboardHealthChanged {\n    serviceStatusChanged {\n      name\n      kind\n      status\n      latencyMs\n      lastChangeAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ActivityItem on ActivityEntry {\n    id\n    kind\n    details\n    occurredAt\n    actorKind\n    actor {\n      id\n      displayName\n    }\n    store {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  fragment ActivityItem on ActivityEntry {\n    id\n    kind\n    details\n    occurredAt\n    actorKind\n    actor {\n      id\n      displayName\n    }\n    store {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DashboardActivity {\n    activity(first: 15) {\n      edges {\n        node {\n          ...ActivityItem\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query DashboardActivity {\n    activity(first: 15) {\n      edges {\n        node {\n          ...ActivityItem\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription DashboardActivityAdded {\n    activityAdded {\n      ...ActivityItem\n    }\n  }\n"): (typeof documents)["\n  subscription DashboardActivityAdded {\n    activityAdded {\n      ...ActivityItem\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Device($id: ID!) {\n    device(id: $id) {\n      ...DeviceTile\n      hubDeviceId\n      lastEventAt\n    }\n  }\n"): (typeof documents)["\n  query Device($id: ID!) {\n    device(id: $id) {\n      ...DeviceTile\n      hubDeviceId\n      lastEventAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DeviceEvents($id: ID!, $first: Int, $name: String) {\n    device(id: $id) {\n      id\n      events(first: $first, name: $name) {\n        pageInfo {\n          ...PageInfoFields\n        }\n        edges {\n          cursor\n          node {\n            id\n            name\n            value\n            unit\n            description\n            source\n            receivedAt\n            sentBy {\n              kind\n              user {\n                id\n                displayName\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query DeviceEvents($id: ID!, $first: Int, $name: String) {\n    device(id: $id) {\n      id\n      events(first: $first, name: $name) {\n        pageInfo {\n          ...PageInfoFields\n        }\n        edges {\n          cursor\n          node {\n            id\n            name\n            value\n            unit\n            description\n            source\n            receivedAt\n            sentBy {\n              kind\n              user {\n                id\n                displayName\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query NumericAttributes($id: ID!) {\n    device(id: $id) {\n      id\n      numericAttributes\n    }\n  }\n"): (typeof documents)["\n  query NumericAttributes($id: ID!) {\n    device(id: $id) {\n      id\n      numericAttributes\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AttributeHistory($id: ID!, $name: String!, $range: HistoryRange!) {\n    device(id: $id) {\n      id\n      attributeHistory(name: $name, range: $range) {\n        name\n        range\n        unit\n        min\n        max\n        latest\n        points {\n          at\n          min\n          max\n          average\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query AttributeHistory($id: ID!, $name: String!, $range: HistoryRange!) {\n    device(id: $id) {\n      id\n      attributeHistory(name: $name, range: $range) {\n        name\n        range\n        unit\n        min\n        max\n        latest\n        points {\n          at\n          min\n          max\n          average\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment DeviceTile on Device {\n    id\n    label\n    name\n    type\n    room\n    capabilities\n    attributes {\n      name\n      value\n      unit\n      updatedAt\n    }\n    commands {\n      name\n      arguments\n    }\n    hub {\n      id\n      name\n      status\n    }\n    store {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  fragment DeviceTile on Device {\n    id\n    label\n    name\n    type\n    room\n    capabilities\n    attributes {\n      name\n      value\n      unit\n      updatedAt\n    }\n    commands {\n      name\n      arguments\n    }\n    hub {\n      id\n      name\n      status\n    }\n    store {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Devices($filter: DeviceFilter, $first: Int) {\n    devices(filter: $filter, first: $first) {\n      totalCount\n      pageInfo {\n        ...PageInfoFields\n      }\n      edges {\n        node {\n          ...DeviceTile\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Devices($filter: DeviceFilter, $first: Int) {\n    devices(filter: $filter, first: $first) {\n      totalCount\n      pageInfo {\n        ...PageInfoFields\n      }\n      edges {\n        node {\n          ...DeviceTile\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SendDeviceCommand($deviceId: ID!, $command: String!, $args: [String!]) {\n    sendDeviceCommand(deviceId: $deviceId, command: $command, args: $args) {\n      command\n      arguments\n      sentAt\n      confirmBy\n      device {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SendDeviceCommand($deviceId: ID!, $command: String!, $args: [String!]) {\n    sendDeviceCommand(deviceId: $deviceId, command: $command, args: $args) {\n      command\n      arguments\n      sentAt\n      confirmBy\n      device {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription DeviceEventLive($deviceId: ID, $hubId: ID) {\n    deviceEvent(deviceId: $deviceId, hubId: $hubId) {\n      id\n      name\n      value\n      unit\n      source\n      receivedAt\n      device {\n        id\n        attributes {\n          name\n          value\n          unit\n          updatedAt\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  subscription DeviceEventLive($deviceId: ID, $hubId: ID) {\n    deviceEvent(deviceId: $deviceId, hubId: $hubId) {\n      id\n      name\n      value\n      unit\n      source\n      receivedAt\n      device {\n        id\n        attributes {\n          name\n          value\n          unit\n          updatedAt\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription HubStatusLive($hubId: ID) {\n    hubStatusChanged(hubId: $hubId) {\n      status\n      previousStatus\n      changedAt\n      hub {\n        id\n        status\n        lastSeenAt\n        mode\n      }\n    }\n  }\n"): (typeof documents)["\n  subscription HubStatusLive($hubId: ID) {\n    hubStatusChanged(hubId: $hubId) {\n      status\n      previousStatus\n      changedAt\n      hub {\n        id\n        status\n        lastSeenAt\n        mode\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query HubDiagnostics($id: ID!) {\n    hub(id: $id) {\n      id\n      name\n      status\n      diagnostics {\n        lastEventAt\n        lastRepairAt\n        postUrlPointsHere\n        expectedPostUrl\n        warnings {\n          code\n          message\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query HubDiagnostics($id: ID!) {\n    hub(id: $id) {\n      id\n      name\n      status\n      diagnostics {\n        lastEventAt\n        lastRepairAt\n        postUrlPointsHere\n        expectedPostUrl\n        warnings {\n          code\n          message\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TestHubEvents($hubId: ID!) {\n    testHubEvents(hubId: $hubId) {\n      ok\n      roundTripMs\n      message\n    }\n  }\n"): (typeof documents)["\n  mutation TestHubEvents($hubId: ID!) {\n    testHubEvents(hubId: $hubId) {\n      ok\n      roundTripMs\n      message\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query HubDetail($id: ID!) {\n    hub(id: $id) {\n      id\n      name\n      baseUrl\n      appId\n      status\n      lastSeenAt\n      mode\n      hsmStatus\n      store {\n        id\n        name\n      }\n      devices {\n        id\n      }\n      variables {\n        name\n        type\n        value\n        updatedAt\n      }\n      events(first: 30) {\n        id\n        kind\n        name\n        value\n        receivedAt\n      }\n    }\n  }\n"): (typeof documents)["\n  query HubDetail($id: ID!) {\n    hub(id: $id) {\n      id\n      name\n      baseUrl\n      appId\n      status\n      lastSeenAt\n      mode\n      hsmStatus\n      store {\n        id\n        name\n      }\n      devices {\n        id\n      }\n      variables {\n        name\n        type\n        value\n        updatedAt\n      }\n      events(first: 30) {\n        id\n        kind\n        name\n        value\n        receivedAt\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query HubModes($id: ID!) {\n    hub(id: $id) {\n      id\n      modes\n    }\n  }\n"): (typeof documents)["\n  query HubModes($id: ID!) {\n    hub(id: $id) {\n      id\n      modes\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetHubMode($hubId: ID!, $mode: String!) {\n    setHubMode(hubId: $hubId, mode: $mode) {\n      id\n      mode\n    }\n  }\n"): (typeof documents)["\n  mutation SetHubMode($hubId: ID!, $mode: String!) {\n    setHubMode(hubId: $hubId, mode: $mode) {\n      id\n      mode\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetHsm($hubId: ID!, $arm: HsmCommand!) {\n    setHsm(hubId: $hubId, arm: $arm) {\n      id\n      hsmStatus\n    }\n  }\n"): (typeof documents)["\n  mutation SetHsm($hubId: ID!, $arm: HsmCommand!) {\n    setHsm(hubId: $hubId, arm: $arm) {\n      id\n      hsmStatus\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetHubVariable($hubId: ID!, $name: String!, $value: String!) {\n    setHubVariable(hubId: $hubId, name: $name, value: $value) {\n      name\n      type\n      value\n      updatedAt\n    }\n  }\n"): (typeof documents)["\n  mutation SetHubVariable($hubId: ID!, $name: String!, $value: String!) {\n    setHubVariable(hubId: $hubId, name: $name, value: $value) {\n      name\n      type\n      value\n      updatedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription HubEventStream($hubId: ID!) {\n    hubEvent(hubId: $hubId) {\n      id\n      kind\n      name\n      value\n      receivedAt\n    }\n  }\n"): (typeof documents)["\n  subscription HubEventStream($hubId: ID!) {\n    hubEvent(hubId: $hubId) {\n      id\n      kind\n      name\n      value\n      receivedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment HubRow on Hub {\n    id\n    name\n    baseUrl\n    appId\n    status\n    lastSeenAt\n    mode\n    createdAt\n    devices {\n      id\n    }\n    store {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  fragment HubRow on Hub {\n    id\n    name\n    baseUrl\n    appId\n    status\n    lastSeenAt\n    mode\n    createdAt\n    devices {\n      id\n    }\n    store {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Hubs {\n    hubs {\n      ...HubRow\n    }\n  }\n"): (typeof documents)["\n  query Hubs {\n    hubs {\n      ...HubRow\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query HubStoreOptions {\n    stores(\n      first: 200\n      filter: { statuses: [DRAFT, PROVISIONING, ACTIVE, SUSPENDED] }\n      orderBy: { field: NAME, direction: ASC }\n    ) {\n      edges {\n        node {\n          id\n          name\n          code\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query HubStoreOptions {\n    stores(\n      first: 200\n      filter: { statuses: [DRAFT, PROVISIONING, ACTIVE, SUSPENDED] }\n      orderBy: { field: NAME, direction: ASC }\n    ) {\n      edges {\n        node {\n          id\n          name\n          code\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RegisterHub($input: RegisterHubInput!) {\n    registerHub(input: $input) {\n      ...HubRow\n    }\n  }\n"): (typeof documents)["\n  mutation RegisterHub($input: RegisterHubInput!) {\n    registerHub(input: $input) {\n      ...HubRow\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SyncHub($id: ID!) {\n    syncHub(id: $id) {\n      ...HubRow\n    }\n  }\n"): (typeof documents)["\n  mutation SyncHub($id: ID!) {\n    syncHub(id: $id) {\n      ...HubRow\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RemoveHub($id: ID!) {\n    removeHub(id: $id)\n  }\n"): (typeof documents)["\n  mutation RemoveHub($id: ID!) {\n    removeHub(id: $id)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment SceneRunFields on SceneRun {\n    id\n    trigger\n    outcome\n    late\n    startedAt\n    finishedAt\n    scheduledFor\n    results {\n      position\n      deviceLabel\n      command\n      arguments\n      ok\n      errorCode\n      error\n    }\n  }\n"): (typeof documents)["\n  fragment SceneRunFields on SceneRun {\n    id\n    trigger\n    outcome\n    late\n    startedAt\n    finishedAt\n    scheduledFor\n    results {\n      position\n      deviceLabel\n      command\n      arguments\n      ok\n      errorCode\n      error\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment SceneFields on Scene {\n    id\n    name\n    store {\n      id\n      name\n    }\n    actions {\n      position\n      command\n      arguments\n      device {\n        id\n        label\n      }\n    }\n    lastRun {\n      ...SceneRunFields\n    }\n  }\n"): (typeof documents)["\n  fragment SceneFields on Scene {\n    id\n    name\n    store {\n      id\n      name\n    }\n    actions {\n      position\n      command\n      arguments\n      device {\n        id\n        label\n      }\n    }\n    lastRun {\n      ...SceneRunFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Scenes {\n    scenes {\n      ...SceneFields\n    }\n  }\n"): (typeof documents)["\n  query Scenes {\n    scenes {\n      ...SceneFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CommandTargets {\n    devices(first: 200) {\n      edges {\n        node {\n          id\n          label\n          hub {\n            id\n            name\n          }\n          commands {\n            name\n            arguments\n          }\n        }\n      }\n    }\n    stores(first: 200, orderBy: { field: NAME, direction: ASC }) {\n      edges {\n        node {\n          id\n          name\n          timezone\n          latitude\n          longitude\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query CommandTargets {\n    devices(first: 200) {\n      edges {\n        node {\n          id\n          label\n          hub {\n            id\n            name\n          }\n          commands {\n            name\n            arguments\n          }\n        }\n      }\n    }\n    stores(first: 200, orderBy: { field: NAME, direction: ASC }) {\n      edges {\n        node {\n          id\n          name\n          timezone\n          latitude\n          longitude\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateScene($input: SceneInput!) {\n    createScene(input: $input) {\n      ...SceneFields\n    }\n  }\n"): (typeof documents)["\n  mutation CreateScene($input: SceneInput!) {\n    createScene(input: $input) {\n      ...SceneFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateScene($id: ID!, $input: SceneInput!) {\n    updateScene(id: $id, input: $input) {\n      ...SceneFields\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateScene($id: ID!, $input: SceneInput!) {\n    updateScene(id: $id, input: $input) {\n      ...SceneFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteScene($id: ID!) {\n    deleteScene(id: $id)\n  }\n"): (typeof documents)["\n  mutation DeleteScene($id: ID!) {\n    deleteScene(id: $id)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RunScene($id: ID!) {\n    runScene(id: $id) {\n      ...SceneRunFields\n      scene {\n        id\n        lastRun {\n          id\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation RunScene($id: ID!) {\n    runScene(id: $id) {\n      ...SceneRunFields\n      scene {\n        id\n        lastRun {\n          id\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ScheduleFields on Schedule {\n    id\n    name\n    enabled\n    scene {\n      id\n      name\n    }\n    device {\n      id\n      label\n    }\n    command\n    arguments\n    timing\n    cron\n    offsetMinutes\n    timeZone\n    latitude\n    longitude\n    store {\n      id\n      name\n    }\n    nextRunAt\n    lastRun {\n      ...SceneRunFields\n    }\n  }\n"): (typeof documents)["\n  fragment ScheduleFields on Schedule {\n    id\n    name\n    enabled\n    scene {\n      id\n      name\n    }\n    device {\n      id\n      label\n    }\n    command\n    arguments\n    timing\n    cron\n    offsetMinutes\n    timeZone\n    latitude\n    longitude\n    store {\n      id\n      name\n    }\n    nextRunAt\n    lastRun {\n      ...SceneRunFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Schedules {\n    schedules {\n      ...ScheduleFields\n    }\n    scenes {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  query Schedules {\n    schedules {\n      ...ScheduleFields\n    }\n    scenes {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ScheduleRuns($id: ID!, $after: String) {\n    schedule(id: $id) {\n      id\n      runs(first: 10, after: $after) {\n        edges {\n          node {\n            ...SceneRunFields\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ScheduleRuns($id: ID!, $after: String) {\n    schedule(id: $id) {\n      id\n      runs(first: 10, after: $after) {\n        edges {\n          node {\n            ...SceneRunFields\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateSchedule($input: ScheduleInput!) {\n    createSchedule(input: $input) {\n      ...ScheduleFields\n    }\n  }\n"): (typeof documents)["\n  mutation CreateSchedule($input: ScheduleInput!) {\n    createSchedule(input: $input) {\n      ...ScheduleFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateSchedule($id: ID!, $input: ScheduleInput!) {\n    updateSchedule(id: $id, input: $input) {\n      ...ScheduleFields\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateSchedule($id: ID!, $input: ScheduleInput!) {\n    updateSchedule(id: $id, input: $input) {\n      ...ScheduleFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetScheduleEnabled($id: ID!, $enabled: Boolean!) {\n    setScheduleEnabled(id: $id, enabled: $enabled) {\n      id\n      enabled\n      nextRunAt\n    }\n  }\n"): (typeof documents)["\n  mutation SetScheduleEnabled($id: ID!, $enabled: Boolean!) {\n    setScheduleEnabled(id: $id, enabled: $enabled) {\n      id\n      enabled\n      nextRunAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteSchedule($id: ID!) {\n    deleteSchedule(id: $id)\n  }\n"): (typeof documents)["\n  mutation DeleteSchedule($id: ID!) {\n    deleteSchedule(id: $id)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AssetImportTemplate {\n    assetImportTemplate\n  }\n"): (typeof documents)["\n  query AssetImportTemplate {\n    assetImportTemplate\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ImportAssets($csv: String!, $apply: Boolean) {\n    importAssets(csv: $csv, apply: $apply) {\n      valid\n      rowCount\n      errors {\n        row\n        column\n        code\n        message\n      }\n      created {\n        id\n        serialNumber\n        model\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ImportAssets($csv: String!, $apply: Boolean) {\n    importAssets(csv: $csv, apply: $apply) {\n      valid\n      rowCount\n      errors {\n        row\n        column\n        code\n        message\n      }\n      created {\n        id\n        serialNumber\n        model\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddHouseholdMember($householdId: ID!, $userId: ID!) {\n    addHouseholdMember(householdId: $householdId, userId: $userId) {\n      ...HouseholdFields\n    }\n  }\n"): (typeof documents)["\n  mutation AddHouseholdMember($householdId: ID!, $userId: ID!) {\n    addHouseholdMember(householdId: $householdId, userId: $userId) {\n      ...HouseholdFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RemoveHouseholdMember($householdId: ID!, $userId: ID!) {\n    removeHouseholdMember(householdId: $householdId, userId: $userId) {\n      ...HouseholdFields\n    }\n  }\n"): (typeof documents)["\n  mutation RemoveHouseholdMember($householdId: ID!, $userId: ID!) {\n    removeHouseholdMember(householdId: $householdId, userId: $userId) {\n      ...HouseholdFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query HouseholdCandidates {\n    users(first: 100) {\n      edges {\n        node {\n          id\n          displayName\n          email\n          deactivatedAt\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query HouseholdCandidates {\n    users(first: 100) {\n      edges {\n        node {\n          id\n          displayName\n          email\n          deactivatedAt\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetHouseholdAisles($aisles: [String!]!) {\n    setHouseholdAisles(aisles: $aisles) {\n      id\n      aisles\n    }\n  }\n"): (typeof documents)["\n  mutation SetHouseholdAisles($aisles: [String!]!) {\n    setHouseholdAisles(aisles: $aisles) {\n      id\n      aisles\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetHouseholdUnitsPreference($units: MeasurementSystem!) {\n    setHouseholdUnits(units: $units) {\n      id\n      units\n    }\n  }\n"): (typeof documents)["\n  mutation SetHouseholdUnitsPreference($units: MeasurementSystem!) {\n    setHouseholdUnits(units: $units) {\n      id\n      units\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment HouseholdFields on Household {\n    id\n    name\n    timeZone\n    units\n    createdAt\n    owner {\n      id\n      displayName\n    }\n    members {\n      id\n      displayName\n    }\n  }\n"): (typeof documents)["\n  fragment HouseholdFields on Household {\n    id\n    name\n    timeZone\n    units\n    createdAt\n    owner {\n      id\n      displayName\n    }\n    members {\n      id\n      displayName\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyHousehold {\n    myHousehold {\n      ...HouseholdFields\n    }\n  }\n"): (typeof documents)["\n  query MyHousehold {\n    myHousehold {\n      ...HouseholdFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateHousehold($name: String!, $timeZone: String) {\n    createHousehold(name: $name, timeZone: $timeZone) {\n      ...HouseholdFields\n    }\n  }\n"): (typeof documents)["\n  mutation CreateHousehold($name: String!, $timeZone: String) {\n    createHousehold(name: $name, timeZone: $timeZone) {\n      ...HouseholdFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment RecipeCard on Recipe {\n    id\n    title\n    servings\n    prepMinutes\n    cookMinutes\n    totalMinutes\n    tags\n    imageUrl\n  }\n"): (typeof documents)["\n  fragment RecipeCard on Recipe {\n    id\n    title\n    servings\n    prepMinutes\n    cookMinutes\n    totalMinutes\n    tags\n    imageUrl\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment IngredientFields on Ingredient {\n    quantity\n    unit\n    food\n    note\n    position\n    raw\n  }\n"): (typeof documents)["\n  fragment IngredientFields on Ingredient {\n    quantity\n    unit\n    food\n    note\n    position\n    raw\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment RecipeDetail on Recipe {\n    ...RecipeCard\n    description\n    sourceUrl\n    imageUrl\n    createdAt\n    updatedAt\n    createdBy {\n      id\n      displayName\n    }\n    ingredients {\n      ...IngredientFields\n    }\n    steps {\n      position\n      text\n    }\n    nutrition {\n      calories\n      protein\n      carbs\n      fat\n    }\n  }\n"): (typeof documents)["\n  fragment RecipeDetail on Recipe {\n    ...RecipeCard\n    description\n    sourceUrl\n    imageUrl\n    createdAt\n    updatedAt\n    createdBy {\n      id\n      displayName\n    }\n    ingredients {\n      ...IngredientFields\n    }\n    steps {\n      position\n      text\n    }\n    nutrition {\n      calories\n      protein\n      carbs\n      fat\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment MealPlanEntryFields on MealPlanEntry {\n    id\n    date\n    slot\n    servings\n    note\n    recipe {\n      id\n      title\n      totalMinutes\n    }\n  }\n"): (typeof documents)["\n  fragment MealPlanEntryFields on MealPlanEntry {\n    id\n    date\n    slot\n    servings\n    note\n    recipe {\n      id\n      title\n      totalMinutes\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ShoppingItemFields on ShoppingItem {\n    id\n    food\n    quantity\n    unit\n    label\n    category\n    note\n    manual\n    checked\n    checkedAt\n    checkedBy {\n      id\n      displayName\n    }\n    sources {\n      title\n      quantity\n      unit\n      recipe {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment ShoppingItemFields on ShoppingItem {\n    id\n    food\n    quantity\n    unit\n    label\n    category\n    note\n    manual\n    checked\n    checkedAt\n    checkedBy {\n      id\n      displayName\n    }\n    sources {\n      title\n      quantity\n      unit\n      recipe {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription MealPlanChanged($weekStart: Date!) {\n    mealPlanChanged(weekStart: $weekStart) {\n      kind\n      date\n      slot\n      entry {\n        ...MealPlanEntryFields\n      }\n    }\n  }\n"): (typeof documents)["\n  subscription MealPlanChanged($weekStart: Date!) {\n    mealPlanChanged(weekStart: $weekStart) {\n      kind\n      date\n      slot\n      entry {\n        ...MealPlanEntryFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription ShoppingListChanged($listId: ID!) {\n    shoppingListChanged(listId: $listId) {\n      listId\n      kind\n      item {\n        ...ShoppingItemFields\n      }\n    }\n  }\n"): (typeof documents)["\n  subscription ShoppingListChanged($listId: ID!) {\n    shoppingListChanged(listId: $listId) {\n      listId\n      kind\n      item {\n        ...ShoppingItemFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment PantryItemFields on PantryItem {\n    id\n    food\n    quantity\n    unit\n    label\n    updatedAt\n  }\n"): (typeof documents)["\n  fragment PantryItemFields on PantryItem {\n    id\n    food\n    quantity\n    unit\n    label\n    updatedAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Pantry {\n    pantry {\n      ...PantryItemFields\n    }\n  }\n"): (typeof documents)["\n  query Pantry {\n    pantry {\n      ...PantryItemFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WhatCanIMake($maxMissing: Int) {\n    whatCanIMake(maxMissing: $maxMissing) {\n      recipe {\n        id\n        title\n      }\n      missing\n    }\n  }\n"): (typeof documents)["\n  query WhatCanIMake($maxMissing: Int) {\n    whatCanIMake(maxMissing: $maxMissing) {\n      recipe {\n        id\n        title\n      }\n      missing\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddPantryItem($input: PantryItemInput!) {\n    addPantryItem(input: $input) {\n      ...PantryItemFields\n    }\n  }\n"): (typeof documents)["\n  mutation AddPantryItem($input: PantryItemInput!) {\n    addPantryItem(input: $input) {\n      ...PantryItemFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdatePantryItem($id: ID!, $input: PantryItemInput!) {\n    updatePantryItem(id: $id, input: $input) {\n      ...PantryItemFields\n    }\n  }\n"): (typeof documents)["\n  mutation UpdatePantryItem($id: ID!, $input: PantryItemInput!) {\n    updatePantryItem(id: $id, input: $input) {\n      ...PantryItemFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RemovePantryItem($id: ID!) {\n    removePantryItem(id: $id)\n  }\n"): (typeof documents)["\n  mutation RemovePantryItem($id: ID!) {\n    removePantryItem(id: $id)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MealPlan($weekStart: Date!) {\n    mealPlan(weekStart: $weekStart) {\n      weekStart\n      entries {\n        ...MealPlanEntryFields\n      }\n    }\n  }\n"): (typeof documents)["\n  query MealPlan($weekStart: Date!) {\n    mealPlan(weekStart: $weekStart) {\n      weekStart\n      entries {\n        ...MealPlanEntryFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetMealPlanEntry($input: MealPlanEntryInput!) {\n    setMealPlanEntry(input: $input) {\n      ...MealPlanEntryFields\n    }\n  }\n"): (typeof documents)["\n  mutation SetMealPlanEntry($input: MealPlanEntryInput!) {\n    setMealPlanEntry(input: $input) {\n      ...MealPlanEntryFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RemoveMealPlanEntry($id: ID!) {\n    removeMealPlanEntry(id: $id)\n  }\n"): (typeof documents)["\n  mutation RemoveMealPlanEntry($id: ID!) {\n    removeMealPlanEntry(id: $id)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SuggestMealPlan($weekStart: Date!) {\n    suggestMealPlan(weekStart: $weekStart) {\n      weekStart\n      entries {\n        ...MealPlanEntryFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SuggestMealPlan($weekStart: Date!) {\n    suggestMealPlan(weekStart: $weekStart) {\n      weekStart\n      entries {\n        ...MealPlanEntryFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CopyWeek($from: Date!, $to: Date!) {\n    copyWeek(from: $from, to: $to) {\n      weekStart\n      entries {\n        ...MealPlanEntryFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CopyWeek($from: Date!, $to: Date!) {\n    copyWeek(from: $from, to: $to) {\n      weekStart\n      entries {\n        ...MealPlanEntryFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RecipeImageUrl($id: ID!) {\n    recipe(id: $id) {\n      id\n      imageUrl\n    }\n  }\n"): (typeof documents)["\n  query RecipeImageUrl($id: ID!) {\n    recipe(id: $id) {\n      id\n      imageUrl\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Recipes($filter: RecipeFilter, $first: Int, $after: String) {\n    recipes(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        ...PageInfoFields\n      }\n      edges {\n        cursor\n        node {\n          ...RecipeCard\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Recipes($filter: RecipeFilter, $first: Int, $after: String) {\n    recipes(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        ...PageInfoFields\n      }\n      edges {\n        cursor\n        node {\n          ...RecipeCard\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Recipe($id: ID!) {\n    recipe(id: $id) {\n      ...RecipeDetail\n    }\n  }\n"): (typeof documents)["\n  query Recipe($id: ID!) {\n    recipe(id: $id) {\n      ...RecipeDetail\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ScaledIngredients($id: ID!, $servings: Int!, $units: MeasurementSystem) {\n    recipe(id: $id) {\n      id\n      scaled(servings: $servings) {\n        ...IngredientFields\n        display(units: $units) {\n          text\n          converted\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ScaledIngredients($id: ID!, $servings: Int!, $units: MeasurementSystem) {\n    recipe(id: $id) {\n      id\n      scaled(servings: $servings) {\n        ...IngredientFields\n        display(units: $units) {\n          text\n          converted\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RecipeAmounts($id: ID!, $units: MeasurementSystem) {\n    recipe(id: $id) {\n      id\n      ingredients {\n        position\n        display(units: $units) {\n          text\n          converted\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query RecipeAmounts($id: ID!, $units: MeasurementSystem) {\n    recipe(id: $id) {\n      id\n      ingredients {\n        position\n        display(units: $units) {\n          text\n          converted\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateRecipe($input: RecipeInput!) {\n    createRecipe(input: $input) {\n      ...RecipeDetail\n    }\n  }\n"): (typeof documents)["\n  mutation CreateRecipe($input: RecipeInput!) {\n    createRecipe(input: $input) {\n      ...RecipeDetail\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateRecipe($id: ID!, $input: RecipeInput!) {\n    updateRecipe(id: $id, input: $input) {\n      ...RecipeDetail\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateRecipe($id: ID!, $input: RecipeInput!) {\n    updateRecipe(id: $id, input: $input) {\n      ...RecipeDetail\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteRecipe($id: ID!) {\n    deleteRecipe(id: $id)\n  }\n"): (typeof documents)["\n  mutation DeleteRecipe($id: ID!) {\n    deleteRecipe(id: $id)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ImportRecipe($url: String, $html: String) {\n    importRecipe(url: $url, html: $html) {\n      ...RecipeDetail\n    }\n  }\n"): (typeof documents)["\n  mutation ImportRecipe($url: String, $html: String) {\n    importRecipe(url: $url, html: $html) {\n      ...RecipeDetail\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PreviewRecipeImport($url: String, $html: String) {\n    previewRecipeImport(url: $url, html: $html) {\n      title\n      description\n      servings\n      prepMinutes\n      cookMinutes\n      ingredients {\n        position\n        raw\n      }\n      steps\n      tags\n      sourceUrl\n      imageUrl\n      nutrition {\n        calories\n        protein\n        carbs\n        fat\n      }\n      warnings {\n        code\n        field\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation PreviewRecipeImport($url: String, $html: String) {\n    previewRecipeImport(url: $url, html: $html) {\n      title\n      description\n      servings\n      prepMinutes\n      cookMinutes\n      ingredients {\n        position\n        raw\n      }\n      steps\n      tags\n      sourceUrl\n      imageUrl\n      nutrition {\n        calories\n        protein\n        carbs\n        fat\n      }\n      warnings {\n        code\n        field\n        message\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ImportRecipes($urls: [String!]!) {\n    importRecipes(urls: $urls) {\n      url\n      recipe {\n        id\n        title\n      }\n      error {\n        code\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ImportRecipes($urls: [String!]!) {\n    importRecipes(urls: $urls) {\n      url\n      recipe {\n        id\n        title\n      }\n      error {\n        code\n        message\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AllShoppingLists($includeArchived: Boolean) {\n    shoppingLists(first: 100, includeArchived: $includeArchived) {\n      id\n      name\n      weekStart\n      archived\n      createdAt\n    }\n  }\n"): (typeof documents)["\n  query AllShoppingLists($includeArchived: Boolean) {\n    shoppingLists(first: 100, includeArchived: $includeArchived) {\n      id\n      name\n      weekStart\n      archived\n      createdAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ShoppingAisles {\n    myHousehold {\n      id\n      aisles\n    }\n  }\n"): (typeof documents)["\n  query ShoppingAisles {\n    myHousehold {\n      id\n      aisles\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateShoppingList($name: String!) {\n    createShoppingList(name: $name) {\n      id\n      name\n      archived\n    }\n  }\n"): (typeof documents)["\n  mutation CreateShoppingList($name: String!) {\n    createShoppingList(name: $name) {\n      id\n      name\n      archived\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RenameShoppingList($id: ID!, $name: String!) {\n    renameShoppingList(id: $id, name: $name) {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  mutation RenameShoppingList($id: ID!, $name: String!) {\n    renameShoppingList(id: $id, name: $name) {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ArchiveShoppingList($id: ID!, $archived: Boolean!) {\n    archiveShoppingList(id: $id, archived: $archived) {\n      id\n      archived\n    }\n  }\n"): (typeof documents)["\n  mutation ArchiveShoppingList($id: ID!, $archived: Boolean!) {\n    archiveShoppingList(id: $id, archived: $archived) {\n      id\n      archived\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteShoppingList($id: ID!) {\n    deleteShoppingList(id: $id)\n  }\n"): (typeof documents)["\n  mutation DeleteShoppingList($id: ID!) {\n    deleteShoppingList(id: $id)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateShoppingItem($itemId: ID!, $input: ShoppingItemInput!) {\n    updateShoppingItem(itemId: $itemId, input: $input) {\n      ...ShoppingItemFields\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateShoppingItem($itemId: ID!, $input: ShoppingItemInput!) {\n    updateShoppingItem(itemId: $itemId, input: $input) {\n      ...ShoppingItemFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteShoppingItem($itemId: ID!) {\n    deleteShoppingItem(itemId: $itemId)\n  }\n"): (typeof documents)["\n  mutation DeleteShoppingItem($itemId: ID!) {\n    deleteShoppingItem(itemId: $itemId)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription ShoppingListsChanged {\n    shoppingListsChanged {\n      kind\n      listId\n      list {\n        id\n        name\n        archived\n      }\n    }\n  }\n"): (typeof documents)["\n  subscription ShoppingListsChanged {\n    shoppingListsChanged {\n      kind\n      listId\n      list {\n        id\n        name\n        archived\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ShoppingLists($first: Int) {\n    shoppingLists(first: $first) {\n      id\n      name\n      weekStart\n      createdAt\n    }\n  }\n"): (typeof documents)["\n  query ShoppingLists($first: Int) {\n    shoppingLists(first: $first) {\n      id\n      name\n      weekStart\n      createdAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ShoppingListFields on ShoppingList {\n    id\n    name\n    weekStart\n    createdAt\n    items {\n      ...ShoppingItemFields\n    }\n  }\n"): (typeof documents)["\n  fragment ShoppingListFields on ShoppingList {\n    id\n    name\n    weekStart\n    createdAt\n    items {\n      ...ShoppingItemFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ShoppingList($id: ID!) {\n    shoppingList(id: $id) {\n      ...ShoppingListFields\n    }\n  }\n"): (typeof documents)["\n  query ShoppingList($id: ID!) {\n    shoppingList(id: $id) {\n      ...ShoppingListFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation GenerateShoppingList($weekStart: Date!) {\n    generateShoppingList(weekStart: $weekStart) {\n      ...ShoppingListFields\n    }\n  }\n"): (typeof documents)["\n  mutation GenerateShoppingList($weekStart: Date!) {\n    generateShoppingList(weekStart: $weekStart) {\n      ...ShoppingListFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddShoppingItem($listId: ID!, $text: String!) {\n    addShoppingItem(listId: $listId, text: $text) {\n      ...ShoppingItemFields\n    }\n  }\n"): (typeof documents)["\n  mutation AddShoppingItem($listId: ID!, $text: String!) {\n    addShoppingItem(listId: $listId, text: $text) {\n      ...ShoppingItemFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetHouseholdUnits($units: MeasurementSystem!) {\n    setHouseholdUnits(units: $units) {\n      id\n      units\n    }\n  }\n"): (typeof documents)["\n  mutation SetHouseholdUnits($units: MeasurementSystem!) {\n    setHouseholdUnits(units: $units) {\n      id\n      units\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ToggleShoppingItem($itemId: ID!, $checked: Boolean!) {\n    toggleShoppingItem(itemId: $itemId, checked: $checked) {\n      ...ShoppingItemFields\n    }\n  }\n"): (typeof documents)["\n  mutation ToggleShoppingItem($itemId: ID!, $checked: Boolean!) {\n    toggleShoppingItem(itemId: $itemId, checked: $checked) {\n      ...ShoppingItemFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AlertFields on Alert {\n    id\n    subject\n    status\n    summary\n    silenced\n    startedAt\n    firedAt\n    resolvedAt\n    acknowledgedAt\n    acknowledgedBy {\n      id\n      displayName\n    }\n    note\n    ruleName\n    reopenCount\n    lastReopenedAt\n    rule {\n      id\n      name\n      kind\n    }\n    notifications {\n      channel\n      target\n      transition\n      attempt\n      ok\n      httpStatus\n      error\n      attemptedAt\n    }\n  }\n"): (typeof documents)["\n  fragment AlertFields on Alert {\n    id\n    subject\n    status\n    summary\n    silenced\n    startedAt\n    firedAt\n    resolvedAt\n    acknowledgedAt\n    acknowledgedBy {\n      id\n      displayName\n    }\n    note\n    ruleName\n    reopenCount\n    lastReopenedAt\n    rule {\n      id\n      name\n      kind\n    }\n    notifications {\n      channel\n      target\n      transition\n      attempt\n      ok\n      httpStatus\n      error\n      attemptedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MonitoringAlerts($status: AlertStatus, $first: Int, $after: String) {\n    alerts(status: $status, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        ...PageInfoFields\n      }\n      edges {\n        cursor\n        node {\n          ...AlertFields\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query MonitoringAlerts($status: AlertStatus, $first: Int, $after: String) {\n    alerts(status: $status, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        ...PageInfoFields\n      }\n      edges {\n        cursor\n        node {\n          ...AlertFields\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MonitoringFiringAlertCount {\n    alerts(status: FIRING, first: 1) {\n      totalCount\n    }\n  }\n"): (typeof documents)["\n  query MonitoringFiringAlertCount {\n    alerts(status: FIRING, first: 1) {\n      totalCount\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription MonitoringAlertChanged {\n    alertChanged {\n      ...AlertFields\n    }\n  }\n"): (typeof documents)["\n  subscription MonitoringAlertChanged {\n    alertChanged {\n      ...AlertFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AcknowledgeAlert($id: ID!, $note: String) {\n    acknowledgeAlert(id: $id, note: $note) {\n      ...AlertFields\n    }\n  }\n"): (typeof documents)["\n  mutation AcknowledgeAlert($id: ID!, $note: String) {\n    acknowledgeAlert(id: $id, note: $note) {\n      ...AlertFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment NotificationChannelFields on NotificationChannel {\n    id\n    name\n    kind\n    target\n    hasSecret\n    enabled\n    createdAt\n    lastTest {\n      at\n      ok\n      httpStatus\n      error\n    }\n  }\n"): (typeof documents)["\n  fragment NotificationChannelFields on NotificationChannel {\n    id\n    name\n    kind\n    target\n    hasSecret\n    enabled\n    createdAt\n    lastTest {\n      at\n      ok\n      httpStatus\n      error\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MonitoringNotificationChannels {\n    notificationChannels {\n      ...NotificationChannelFields\n    }\n  }\n"): (typeof documents)["\n  query MonitoringNotificationChannels {\n    notificationChannels {\n      ...NotificationChannelFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateNotificationChannel($input: NotificationChannelInput!) {\n    createNotificationChannel(input: $input) {\n      ...NotificationChannelFields\n    }\n  }\n"): (typeof documents)["\n  mutation CreateNotificationChannel($input: NotificationChannelInput!) {\n    createNotificationChannel(input: $input) {\n      ...NotificationChannelFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateNotificationChannel($id: ID!, $input: NotificationChannelPatch!) {\n    updateNotificationChannel(id: $id, input: $input) {\n      ...NotificationChannelFields\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateNotificationChannel($id: ID!, $input: NotificationChannelPatch!) {\n    updateNotificationChannel(id: $id, input: $input) {\n      ...NotificationChannelFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteNotificationChannel($id: ID!) {\n    deleteNotificationChannel(id: $id)\n  }\n"): (typeof documents)["\n  mutation DeleteNotificationChannel($id: ID!) {\n    deleteNotificationChannel(id: $id)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SendTestNotification($id: ID!) {\n    sendTestNotification(id: $id) {\n      at\n      ok\n      httpStatus\n      error\n    }\n  }\n"): (typeof documents)["\n  mutation SendTestNotification($id: ID!) {\n    sendTestNotification(id: $id) {\n      at\n      ok\n      httpStatus\n      error\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ServiceStatusFields on ServiceStatus {\n    name\n    displayName\n    kind\n    status\n    latencyMs\n    error\n    lastCheckedAt\n    lastChangeAt\n    uptimeDay: uptime(window: DAY)\n    uptimeWeek: uptime(window: WEEK)\n    uptimeMonth: uptime(window: MONTH)\n    maintenance {\n      id\n      title\n      nextEndsAt\n    }\n  }\n"): (typeof documents)["\n  fragment ServiceStatusFields on ServiceStatus {\n    name\n    displayName\n    kind\n    status\n    latencyMs\n    error\n    lastCheckedAt\n    lastChangeAt\n    uptimeDay: uptime(window: DAY)\n    uptimeWeek: uptime(window: WEEK)\n    uptimeMonth: uptime(window: MONTH)\n    maintenance {\n      id\n      title\n      nextEndsAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ServiceCheckFields on ServiceCheck {\n    status\n    latencyMs\n    error\n    checkedAt\n  }\n"): (typeof documents)["\n  fragment ServiceCheckFields on ServiceCheck {\n    status\n    latencyMs\n    error\n    checkedAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MonitoringServices($from: DateTime!) {\n    services {\n      ...ServiceStatusFields\n      recent: history(from: $from) {\n        ...ServiceCheckFields\n      }\n    }\n  }\n"): (typeof documents)["\n  query MonitoringServices($from: DateTime!) {\n    services {\n      ...ServiceStatusFields\n      recent: history(from: $from) {\n        ...ServiceCheckFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MonitoringServiceHistory($from: DateTime!, $to: DateTime) {\n    services {\n      name\n      history(from: $from, to: $to) {\n        ...ServiceCheckFields\n      }\n    }\n  }\n"): (typeof documents)["\n  query MonitoringServiceHistory($from: DateTime!, $to: DateTime) {\n    services {\n      name\n      history(from: $from, to: $to) {\n        ...ServiceCheckFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MonitoringCircuitBreakers {\n    circuitBreakers {\n      service\n      name\n      state\n      failures\n      lastChangeAt\n    }\n  }\n"): (typeof documents)["\n  query MonitoringCircuitBreakers {\n    circuitBreakers {\n      service\n      name\n      state\n      failures\n      lastChangeAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription MonitoringServiceStatusChanged {\n    serviceStatusChanged {\n      ...ServiceStatusFields\n    }\n  }\n"): (typeof documents)["\n  subscription MonitoringServiceStatusChanged {\n    serviceStatusChanged {\n      ...ServiceStatusFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResetCircuitBreaker($service: String!, $name: String!, $reason: String!) {\n    resetCircuitBreaker(service: $service, name: $name, reason: $reason) {\n      service\n      name\n      state\n      failures\n      lastChangeAt\n    }\n  }\n"): (typeof documents)["\n  mutation ResetCircuitBreaker($service: String!, $name: String!, $reason: String!) {\n    resetCircuitBreaker(service: $service, name: $name, reason: $reason) {\n      service\n      name\n      state\n      failures\n      lastChangeAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment IncidentFields on Incident {\n    id\n    title\n    status\n    impact\n    createdAt\n    resolvedAt\n    everyStatusPage\n    statusPages {\n      id\n      title\n    }\n    updates {\n      id\n      status\n      message\n      createdAt\n    }\n  }\n"): (typeof documents)["\n  fragment IncidentFields on Incident {\n    id\n    title\n    status\n    impact\n    createdAt\n    resolvedAt\n    everyStatusPage\n    statusPages {\n      id\n      title\n    }\n    updates {\n      id\n      status\n      message\n      createdAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MonitoringIncidents {\n    incidents {\n      ...IncidentFields\n    }\n    statusPages {\n      id\n      title\n      slug\n    }\n  }\n"): (typeof documents)["\n  query MonitoringIncidents {\n    incidents {\n      ...IncidentFields\n    }\n    statusPages {\n      id\n      title\n      slug\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateIncident($input: IncidentInput!) {\n    createIncident(input: $input) {\n      ...IncidentFields\n    }\n  }\n"): (typeof documents)["\n  mutation CreateIncident($input: IncidentInput!) {\n    createIncident(input: $input) {\n      ...IncidentFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PostIncidentUpdate($incidentId: ID!, $status: IncidentStatus!, $message: String!) {\n    postIncidentUpdate(incidentId: $incidentId, status: $status, message: $message) {\n      ...IncidentFields\n    }\n  }\n"): (typeof documents)["\n  mutation PostIncidentUpdate($incidentId: ID!, $status: IncidentStatus!, $message: String!) {\n    postIncidentUpdate(incidentId: $incidentId, status: $status, message: $message) {\n      ...IncidentFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment MaintenanceWindowFields on MaintenanceWindow {\n    id\n    title\n    description\n    scope\n    store {\n      id\n      name\n    }\n    subjects\n    startsAt\n    endsAt\n    recurrence {\n      kind\n      weekdays\n      startTime\n      durationMinutes\n      cron\n    }\n    timeZone\n    activeNow\n    nextStartsAt\n    nextEndsAt\n    createdAt\n    createdBy {\n      id\n      displayName\n    }\n  }\n"): (typeof documents)["\n  fragment MaintenanceWindowFields on MaintenanceWindow {\n    id\n    title\n    description\n    scope\n    store {\n      id\n      name\n    }\n    subjects\n    startsAt\n    endsAt\n    recurrence {\n      kind\n      weekdays\n      startTime\n      durationMinutes\n      cron\n    }\n    timeZone\n    activeNow\n    nextStartsAt\n    nextEndsAt\n    createdAt\n    createdBy {\n      id\n      displayName\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MaintenanceWindows {\n    maintenanceWindows {\n      ...MaintenanceWindowFields\n    }\n  }\n"): (typeof documents)["\n  query MaintenanceWindows {\n    maintenanceWindows {\n      ...MaintenanceWindowFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MaintenanceChoices {\n    services {\n      name\n    }\n    stores(first: 100) {\n      edges {\n        node {\n          id\n          name\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query MaintenanceChoices {\n    services {\n      name\n    }\n    stores(first: 100) {\n      edges {\n        node {\n          id\n          name\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateMaintenanceWindow($input: MaintenanceWindowInput!) {\n    createMaintenanceWindow(input: $input) {\n      ...MaintenanceWindowFields\n    }\n  }\n"): (typeof documents)["\n  mutation CreateMaintenanceWindow($input: MaintenanceWindowInput!) {\n    createMaintenanceWindow(input: $input) {\n      ...MaintenanceWindowFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateMaintenanceWindow($id: ID!, $input: MaintenanceWindowInput!) {\n    updateMaintenanceWindow(id: $id, input: $input) {\n      ...MaintenanceWindowFields\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateMaintenanceWindow($id: ID!, $input: MaintenanceWindowInput!) {\n    updateMaintenanceWindow(id: $id, input: $input) {\n      ...MaintenanceWindowFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteMaintenanceWindow($id: ID!) {\n    deleteMaintenanceWindow(id: $id)\n  }\n"): (typeof documents)["\n  mutation DeleteMaintenanceWindow($id: ID!) {\n    deleteMaintenanceWindow(id: $id)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment MonitorFields on Monitor {\n    id\n    name\n    kind\n    target\n    port\n    dnsRecordType\n    dnsExpected\n    intervalSeconds\n    timeoutMs\n    retries\n    enabled\n    certificateExpiresAt\n    createdAt\n    updatedAt\n    store {\n      id\n      name\n      code\n    }\n    http {\n      method\n      expectedStatusMin\n      expectedStatusMax\n      keyword\n      jsonPath\n      jsonExpected\n      followRedirects\n      certificateExpiryDays\n      ignoreTls\n    }\n    status {\n      ...ServiceStatusFields\n    }\n  }\n"): (typeof documents)["\n  fragment MonitorFields on Monitor {\n    id\n    name\n    kind\n    target\n    port\n    dnsRecordType\n    dnsExpected\n    intervalSeconds\n    timeoutMs\n    retries\n    enabled\n    certificateExpiresAt\n    createdAt\n    updatedAt\n    store {\n      id\n      name\n      code\n    }\n    http {\n      method\n      expectedStatusMin\n      expectedStatusMax\n      keyword\n      jsonPath\n      jsonExpected\n      followRedirects\n      certificateExpiryDays\n      ignoreTls\n    }\n    status {\n      ...ServiceStatusFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Monitors($storeId: ID, $from: DateTime!) {\n    monitors(storeId: $storeId) {\n      ...MonitorFields\n      status {\n        name\n        recent: history(from: $from) {\n          ...ServiceCheckFields\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Monitors($storeId: ID, $from: DateTime!) {\n    monitors(storeId: $storeId) {\n      ...MonitorFields\n      status {\n        name\n        recent: history(from: $from) {\n          ...ServiceCheckFields\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Monitor($id: ID!, $from: DateTime!) {\n    monitor(id: $id) {\n      ...MonitorFields\n      pushUrl\n      status {\n        name\n        recent: history(from: $from) {\n          ...ServiceCheckFields\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Monitor($id: ID!, $from: DateTime!) {\n    monitor(id: $id) {\n      ...MonitorFields\n      pushUrl\n      status {\n        name\n        recent: history(from: $from) {\n          ...ServiceCheckFields\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateMonitor($input: MonitorInput!) {\n    createMonitor(input: $input) {\n      ...MonitorFields\n      pushUrl\n    }\n  }\n"): (typeof documents)["\n  mutation CreateMonitor($input: MonitorInput!) {\n    createMonitor(input: $input) {\n      ...MonitorFields\n      pushUrl\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateMonitor($id: ID!, $input: UpdateMonitorInput!) {\n    updateMonitor(id: $id, input: $input) {\n      ...MonitorFields\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateMonitor($id: ID!, $input: UpdateMonitorInput!) {\n    updateMonitor(id: $id, input: $input) {\n      ...MonitorFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteMonitor($id: ID!) {\n    deleteMonitor(id: $id)\n  }\n"): (typeof documents)["\n  mutation DeleteMonitor($id: ID!) {\n    deleteMonitor(id: $id)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RotatePushUrl($id: ID!) {\n    rotatePushUrl(id: $id) {\n      id\n      pushUrl\n    }\n  }\n"): (typeof documents)["\n  mutation RotatePushUrl($id: ID!) {\n    rotatePushUrl(id: $id) {\n      id\n      pushUrl\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CheckMonitorNow($id: ID!) {\n    checkMonitorNow(id: $id) {\n      ...MonitorFields\n    }\n  }\n"): (typeof documents)["\n  mutation CheckMonitorNow($id: ID!) {\n    checkMonitorNow(id: $id) {\n      ...MonitorFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AlertRuleFields on AlertRule {\n    id\n    name\n    kind\n    target\n    thresholdMs\n    thresholdPercent\n    consecutiveChecks\n    forSeconds\n    enabled\n    repeatIntervalSeconds\n    channels {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  fragment AlertRuleFields on AlertRule {\n    id\n    name\n    kind\n    target\n    thresholdMs\n    thresholdPercent\n    consecutiveChecks\n    forSeconds\n    enabled\n    repeatIntervalSeconds\n    channels {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MonitoringRuleChannels {\n    notificationChannels {\n      id\n      name\n      enabled\n    }\n  }\n"): (typeof documents)["\n  query MonitoringRuleChannels {\n    notificationChannels {\n      id\n      name\n      enabled\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MonitoringAlertRules {\n    alertRules {\n      ...AlertRuleFields\n    }\n  }\n"): (typeof documents)["\n  query MonitoringAlertRules {\n    alertRules {\n      ...AlertRuleFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MonitoringRuleTargets {\n    services {\n      name\n    }\n    circuitBreakers {\n      service\n      name\n    }\n  }\n"): (typeof documents)["\n  query MonitoringRuleTargets {\n    services {\n      name\n    }\n    circuitBreakers {\n      service\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MonitoringRuleHubs {\n    hubs {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  query MonitoringRuleHubs {\n    hubs {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateAlertRule($input: AlertRuleInput!) {\n    createAlertRule(input: $input) {\n      ...AlertRuleFields\n    }\n  }\n"): (typeof documents)["\n  mutation CreateAlertRule($input: AlertRuleInput!) {\n    createAlertRule(input: $input) {\n      ...AlertRuleFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateAlertRule($id: ID!, $input: AlertRulePatch!) {\n    updateAlertRule(id: $id, input: $input) {\n      ...AlertRuleFields\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateAlertRule($id: ID!, $input: AlertRulePatch!) {\n    updateAlertRule(id: $id, input: $input) {\n      ...AlertRuleFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteAlertRule($id: ID!) {\n    deleteAlertRule(id: $id)\n  }\n"): (typeof documents)["\n  mutation DeleteAlertRule($id: ID!) {\n    deleteAlertRule(id: $id)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment SilenceFields on Silence {\n    id\n    matcher\n    until\n    reason\n    createdAt\n    createdBy {\n      id\n      displayName\n    }\n  }\n"): (typeof documents)["\n  fragment SilenceFields on Silence {\n    id\n    matcher\n    until\n    reason\n    createdAt\n    createdBy {\n      id\n      displayName\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MonitoringSilences {\n    silences {\n      ...SilenceFields\n    }\n  }\n"): (typeof documents)["\n  query MonitoringSilences {\n    silences {\n      ...SilenceFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateSilence($matcher: String!, $until: DateTime!, $reason: String!) {\n    createSilence(matcher: $matcher, until: $until, reason: $reason) {\n      ...SilenceFields\n    }\n  }\n"): (typeof documents)["\n  mutation CreateSilence($matcher: String!, $until: DateTime!, $reason: String!) {\n    createSilence(matcher: $matcher, until: $until, reason: $reason) {\n      ...SilenceFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateSilence($id: ID!, $input: SilencePatch!) {\n    updateSilence(id: $id, input: $input) {\n      ...SilenceFields\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateSilence($id: ID!, $input: SilencePatch!) {\n    updateSilence(id: $id, input: $input) {\n      ...SilenceFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ExpireSilence($id: ID!) {\n    expireSilence(id: $id) {\n      ...SilenceFields\n    }\n  }\n"): (typeof documents)["\n  mutation ExpireSilence($id: ID!) {\n    expireSilence(id: $id) {\n      ...SilenceFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment StatusPageFields on StatusPage {\n    id\n    slug\n    title\n    description\n    published\n    components {\n      subject\n      displayName\n    }\n  }\n"): (typeof documents)["\n  fragment StatusPageFields on StatusPage {\n    id\n    slug\n    title\n    description\n    published\n    components {\n      subject\n      displayName\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MonitoringStatusPages {\n    statusPages {\n      ...StatusPageFields\n    }\n    services {\n      name\n      displayName\n      kind\n    }\n  }\n"): (typeof documents)["\n  query MonitoringStatusPages {\n    statusPages {\n      ...StatusPageFields\n    }\n    services {\n      name\n      displayName\n      kind\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateStatusPage($input: StatusPageInput!) {\n    createStatusPage(input: $input) {\n      ...StatusPageFields\n    }\n  }\n"): (typeof documents)["\n  mutation CreateStatusPage($input: StatusPageInput!) {\n    createStatusPage(input: $input) {\n      ...StatusPageFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateStatusPage($id: ID!, $input: UpdateStatusPageInput!) {\n    updateStatusPage(id: $id, input: $input) {\n      ...StatusPageFields\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateStatusPage($id: ID!, $input: UpdateStatusPageInput!) {\n    updateStatusPage(id: $id, input: $input) {\n      ...StatusPageFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteStatusPage($id: ID!) {\n    deleteStatusPage(id: $id)\n  }\n"): (typeof documents)["\n  mutation DeleteStatusPage($id: ID!) {\n    deleteStatusPage(id: $id)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment BackupRow on Backup {\n    id\n    trigger\n    status\n    startedAt\n    finishedAt\n    sizeBytes\n    localPath\n    s3Url\n    error\n    downloadPath\n  }\n"): (typeof documents)["\n  fragment BackupRow on Backup {\n    id\n    trigger\n    status\n    startedAt\n    finishedAt\n    sizeBytes\n    localPath\n    s3Url\n    error\n    downloadPath\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Backups {\n    backups(first: 20) {\n      ...BackupRow\n    }\n    backupSettings {\n      schedule\n      nextRunAt\n      keepLast\n      keepDaily\n      keepWeekly\n      s3Enabled\n      lastSucceededAt\n    }\n  }\n"): (typeof documents)["\n  query Backups {\n    backups(first: 20) {\n      ...BackupRow\n    }\n    backupSettings {\n      schedule\n      nextRunAt\n      keepLast\n      keepDaily\n      keepWeekly\n      s3Enabled\n      lastSucceededAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StartBackup {\n    startBackup {\n      ...BackupRow\n    }\n  }\n"): (typeof documents)["\n  mutation StartBackup {\n    startBackup {\n      ...BackupRow\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RequestEmailChange($newEmail: String!, $currentPassword: String!) {\n    requestEmailChange(newEmail: $newEmail, currentPassword: $currentPassword)\n  }\n"): (typeof documents)["\n  mutation RequestEmailChange($newEmail: String!, $currentPassword: String!) {\n    requestEmailChange(newEmail: $newEmail, currentPassword: $currentPassword)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ProvisioningTemplateFields on ProvisioningTemplate {\n    storeType\n    version\n    steps {\n      key\n      title\n      required\n    }\n    createdAt\n    createdBy {\n      id\n      displayName\n    }\n  }\n"): (typeof documents)["\n  fragment ProvisioningTemplateFields on ProvisioningTemplate {\n    storeType\n    version\n    steps {\n      key\n      title\n      required\n    }\n    createdAt\n    createdBy {\n      id\n      displayName\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ProvisioningTemplates {\n    provisioningTemplates {\n      ...ProvisioningTemplateFields\n    }\n  }\n"): (typeof documents)["\n  query ProvisioningTemplates {\n    provisioningTemplates {\n      ...ProvisioningTemplateFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ProvisioningTemplateHistory($storeType: StoreType!) {\n    provisioningTemplateHistory(storeType: $storeType) {\n      ...ProvisioningTemplateFields\n    }\n  }\n"): (typeof documents)["\n  query ProvisioningTemplateHistory($storeType: StoreType!) {\n    provisioningTemplateHistory(storeType: $storeType) {\n      ...ProvisioningTemplateFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PublishProvisioningTemplate(\n    $storeType: StoreType!\n    $steps: [ProvisioningTemplateStepInput!]!\n    $expectedVersion: Int!\n  ) {\n    publishProvisioningTemplate(storeType: $storeType, steps: $steps, expectedVersion: $expectedVersion) {\n      ...ProvisioningTemplateFields\n    }\n  }\n"): (typeof documents)["\n  mutation PublishProvisioningTemplate(\n    $storeType: StoreType!\n    $steps: [ProvisioningTemplateStepInput!]!\n    $expectedVersion: Int!\n  ) {\n    publishProvisioningTemplate(storeType: $storeType, steps: $steps, expectedVersion: $expectedVersion) {\n      ...ProvisioningTemplateFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment SessionRow on Session {\n    id\n    createdAt\n    lastUsedAt\n    clientAddress\n    userAgentSummary\n    current\n  }\n"): (typeof documents)["\n  fragment SessionRow on Session {\n    id\n    createdAt\n    lastUsedAt\n    clientAddress\n    userAgentSummary\n    current\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MySessions {\n    mySessions {\n      ...SessionRow\n    }\n  }\n"): (typeof documents)["\n  query MySessions {\n    mySessions {\n      ...SessionRow\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query UserSessions($userId: ID!) {\n    userSessions(userId: $userId) {\n      ...SessionRow\n      user {\n        id\n        displayName\n        email\n      }\n    }\n  }\n"): (typeof documents)["\n  query UserSessions($userId: ID!) {\n    userSessions(userId: $userId) {\n      ...SessionRow\n      user {\n        id\n        displayName\n        email\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeSession($id: ID!) {\n    revokeSession(id: $id) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation RevokeSession($id: ID!) {\n    revokeSession(id: $id) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RotateApiKey($id: ID!, $gracePeriodSeconds: Int) {\n    rotateApiKey(id: $id, gracePeriodSeconds: $gracePeriodSeconds) {\n      secret\n      apiKey {\n        id\n        name\n        rotatedAt\n        previousSecretExpiresAt\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation RotateApiKey($id: ID!, $gracePeriodSeconds: Int) {\n    rotateApiKey(id: $id, gracePeriodSeconds: $gracePeriodSeconds) {\n      secret\n      apiKey {\n        id\n        name\n        rotatedAt\n        previousSecretExpiresAt\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SecurityEvents($filter: SecurityEventFilter, $first: Int, $after: String) {\n    securityEvents(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        ...PageInfoFields\n      }\n      edges {\n        node {\n          id\n          type\n          occurredAt\n          actor {\n            id\n            displayName\n            email\n          }\n          actorApiKeyId\n          subject {\n            id\n            displayName\n            email\n          }\n          email\n          clientAddress\n          userAgentSummary\n          detail\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query SecurityEvents($filter: SecurityEventFilter, $first: Int, $after: String) {\n    securityEvents(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        ...PageInfoFields\n      }\n      edges {\n        node {\n          id\n          type\n          occurredAt\n          actor {\n            id\n            displayName\n            email\n          }\n          actorApiKeyId\n          subject {\n            id\n            displayName\n            email\n          }\n          email\n          clientAddress\n          userAgentSummary\n          detail\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SecurityLogUsers {\n    users(first: 200) {\n      edges {\n        node {\n          id\n          displayName\n          email\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query SecurityLogUsers {\n    users(first: 200) {\n      edges {\n        node {\n          id\n          displayName\n          email\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ApiKeys {\n    apiKeys {\n      id\n      name\n      scopes\n      createdAt\n      lastUsedAt\n      revokedAt\n      expiresAt\n      expiresSoon\n      rotatedAt\n      previousSecretExpiresAt\n      owner {\n        id\n        displayName\n      }\n    }\n    apiKeyScopes\n  }\n"): (typeof documents)["\n  query ApiKeys {\n    apiKeys {\n      id\n      name\n      scopes\n      createdAt\n      lastUsedAt\n      revokedAt\n      expiresAt\n      expiresSoon\n      rotatedAt\n      previousSecretExpiresAt\n      owner {\n        id\n        displayName\n      }\n    }\n    apiKeyScopes\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateApiKey($name: String!, $scopes: [String!]!, $expiresAt: DateTime) {\n    createApiKey(name: $name, scopes: $scopes, expiresAt: $expiresAt) {\n      secret\n      apiKey {\n        id\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateApiKey($name: String!, $scopes: [String!]!, $expiresAt: DateTime) {\n    createApiKey(name: $name, scopes: $scopes, expiresAt: $expiresAt) {\n      secret\n      apiKey {\n        id\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeApiKey($id: ID!) {\n    revokeApiKey(id: $id) {\n      id\n      revokedAt\n    }\n  }\n"): (typeof documents)["\n  mutation RevokeApiKey($id: ID!) {\n    revokeApiKey(id: $id) {\n      id\n      revokedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment UserRow on User {\n    id\n    email\n    displayName\n    role\n    deactivatedAt\n    lastLoginAt\n  }\n"): (typeof documents)["\n  fragment UserRow on User {\n    id\n    email\n    displayName\n    role\n    deactivatedAt\n    lastLoginAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Users($after: String) {\n    users(first: 50, after: $after) {\n      totalCount\n      pageInfo {\n        ...PageInfoFields\n      }\n      edges {\n        node {\n          ...UserRow\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Users($after: String) {\n    users(first: 50, after: $after) {\n      totalCount\n      pageInfo {\n        ...PageInfoFields\n      }\n      edges {\n        node {\n          ...UserRow\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateUser($input: CreateUserInput!) {\n    createUser(input: $input) {\n      ...UserRow\n    }\n  }\n"): (typeof documents)["\n  mutation CreateUser($input: CreateUserInput!) {\n    createUser(input: $input) {\n      ...UserRow\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateUserRole($id: ID!, $role: Role!) {\n    updateUserRole(id: $id, role: $role) {\n      id\n      role\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateUserRole($id: ID!, $role: Role!) {\n    updateUserRole(id: $id, role: $role) {\n      id\n      role\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeactivateUser($id: ID!) {\n    deactivateUser(id: $id) {\n      id\n      deactivatedAt\n    }\n  }\n"): (typeof documents)["\n  mutation DeactivateUser($id: ID!) {\n    deactivateUser(id: $id) {\n      id\n      deactivatedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Profile {\n    me {\n      id\n      email\n      displayName\n      role\n      createdAt\n      lastLoginAt\n    }\n  }\n"): (typeof documents)["\n  query Profile {\n    me {\n      id\n      email\n      displayName\n      role\n      createdAt\n      lastLoginAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateMyProfile($displayName: String!) {\n    updateMyProfile(displayName: $displayName) {\n      id\n      displayName\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateMyProfile($displayName: String!) {\n    updateMyProfile(displayName: $displayName) {\n      id\n      displayName\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {\n    changePassword(currentPassword: $currentPassword, newPassword: $newPassword)\n  }\n"): (typeof documents)["\n  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {\n    changePassword(currentPassword: $currentPassword, newPassword: $newPassword)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation LogoutEverywhere {\n    logoutEverywhere\n  }\n"): (typeof documents)["\n  mutation LogoutEverywhere {\n    logoutEverywhere\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment InvitationRow on Invitation {\n    id\n    email\n    role\n    status\n    createdAt\n    sentAt\n    expiresAt\n    invitedBy {\n      id\n      displayName\n    }\n  }\n"): (typeof documents)["\n  fragment InvitationRow on Invitation {\n    id\n    email\n    role\n    status\n    createdAt\n    sentAt\n    expiresAt\n    invitedBy {\n      id\n      displayName\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Invitations {\n    invitations {\n      ...InvitationRow\n    }\n  }\n"): (typeof documents)["\n  query Invitations {\n    invitations {\n      ...InvitationRow\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation InviteUser($input: InviteUserInput!) {\n    inviteUser(input: $input) {\n      ...InvitationRow\n    }\n  }\n"): (typeof documents)["\n  mutation InviteUser($input: InviteUserInput!) {\n    inviteUser(input: $input) {\n      ...InvitationRow\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeInvitation($id: ID!) {\n    revokeInvitation(id: $id) {\n      ...InvitationRow\n    }\n  }\n"): (typeof documents)["\n  mutation RevokeInvitation($id: ID!) {\n    revokeInvitation(id: $id) {\n      ...InvitationRow\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResendInvitation($id: ID!) {\n    resendInvitation(id: $id) {\n      ...InvitationRow\n    }\n  }\n"): (typeof documents)["\n  mutation ResendInvitation($id: ID!) {\n    resendInvitation(id: $id) {\n      ...InvitationRow\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SendPasswordResetLink($id: ID!) {\n    sendPasswordResetLink(id: $id)\n  }\n"): (typeof documents)["\n  mutation SendPasswordResetLink($id: ID!) {\n    sendPasswordResetLink(id: $id)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReactivateUser($id: ID!) {\n    reactivateUser(id: $id) {\n      id\n      deactivatedAt\n    }\n  }\n"): (typeof documents)["\n  mutation ReactivateUser($id: ID!) {\n    reactivateUser(id: $id) {\n      id\n      deactivatedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment WebhookEndpointFields on WebhookEndpoint {\n    id\n    url\n    description\n    eventTypes\n    status\n    disabledReason\n    disabledAt\n    ownerId\n    owner {\n      id\n      displayName\n    }\n    failingSince\n    previousSecretExpiresAt\n    createdAt\n  }\n"): (typeof documents)["\n  fragment WebhookEndpointFields on WebhookEndpoint {\n    id\n    url\n    description\n    eventTypes\n    status\n    disabledReason\n    disabledAt\n    ownerId\n    owner {\n      id\n      displayName\n    }\n    failingSince\n    previousSecretExpiresAt\n    createdAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment WebhookDeliveryFields on WebhookDelivery {\n    id\n    endpointId\n    eventId\n    eventType\n    status\n    attempts\n    nextAttemptAt\n    occurredAt\n    createdAt\n    body\n    attemptLog {\n      id\n      attemptedAt\n      httpStatus\n      latencyMs\n      responseSnippet\n      error\n    }\n  }\n"): (typeof documents)["\n  fragment WebhookDeliveryFields on WebhookDelivery {\n    id\n    endpointId\n    eventId\n    eventType\n    status\n    attempts\n    nextAttemptAt\n    occurredAt\n    createdAt\n    body\n    attemptLog {\n      id\n      attemptedAt\n      httpStatus\n      latencyMs\n      responseSnippet\n      error\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment WebhookEventTypeFields on WebhookEventType {\n    type\n    description\n    adminOnly\n    subscribable\n  }\n"): (typeof documents)["\n  fragment WebhookEventTypeFields on WebhookEventType {\n    type\n    description\n    adminOnly\n    subscribable\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WebhookEndpoints {\n    webhookEndpoints {\n      ...WebhookEndpointFields\n    }\n    webhookEventTypes {\n      ...WebhookEventTypeFields\n    }\n  }\n"): (typeof documents)["\n  query WebhookEndpoints {\n    webhookEndpoints {\n      ...WebhookEndpointFields\n    }\n    webhookEventTypes {\n      ...WebhookEventTypeFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WebhookDeliveries($endpointId: ID!, $filter: WebhookDeliveryFilter, $first: Int, $after: String) {\n    webhookDeliveries(endpointId: $endpointId, filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        ...PageInfoFields\n      }\n      edges {\n        node {\n          ...WebhookDeliveryFields\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query WebhookDeliveries($endpointId: ID!, $filter: WebhookDeliveryFilter, $first: Int, $after: String) {\n    webhookDeliveries(endpointId: $endpointId, filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        ...PageInfoFields\n      }\n      edges {\n        node {\n          ...WebhookDeliveryFields\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateWebhookEndpoint($input: CreateWebhookEndpointInput!) {\n    createWebhookEndpoint(input: $input) {\n      secret\n      endpoint {\n        ...WebhookEndpointFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateWebhookEndpoint($input: CreateWebhookEndpointInput!) {\n    createWebhookEndpoint(input: $input) {\n      secret\n      endpoint {\n        ...WebhookEndpointFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateWebhookEndpoint($id: ID!, $input: UpdateWebhookEndpointInput!) {\n    updateWebhookEndpoint(id: $id, input: $input) {\n      ...WebhookEndpointFields\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateWebhookEndpoint($id: ID!, $input: UpdateWebhookEndpointInput!) {\n    updateWebhookEndpoint(id: $id, input: $input) {\n      ...WebhookEndpointFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RotateWebhookSecret($id: ID!) {\n    rotateWebhookSecret(id: $id) {\n      secret\n      endpoint {\n        ...WebhookEndpointFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation RotateWebhookSecret($id: ID!) {\n    rotateWebhookSecret(id: $id) {\n      secret\n      endpoint {\n        ...WebhookEndpointFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteWebhookEndpoint($id: ID!) {\n    deleteWebhookEndpoint(id: $id)\n  }\n"): (typeof documents)["\n  mutation DeleteWebhookEndpoint($id: ID!) {\n    deleteWebhookEndpoint(id: $id)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PingWebhookEndpoint($id: ID!) {\n    pingWebhookEndpoint(id: $id) {\n      ...WebhookDeliveryFields\n    }\n  }\n"): (typeof documents)["\n  mutation PingWebhookEndpoint($id: ID!) {\n    pingWebhookEndpoint(id: $id) {\n      ...WebhookDeliveryFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RedeliverWebhook($deliveryId: ID!) {\n    redeliverWebhook(deliveryId: $deliveryId) {\n      ...WebhookDeliveryFields\n    }\n  }\n"): (typeof documents)["\n  mutation RedeliverWebhook($deliveryId: ID!) {\n    redeliverWebhook(deliveryId: $deliveryId) {\n      ...WebhookDeliveryFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddStoreNetwork($storeId: ID!, $expectedVersion: Int!, $input: StoreNetworkInput!) {\n    addStoreNetwork(storeId: $storeId, expectedVersion: $expectedVersion, input: $input) {\n      ...StoreDetail\n    }\n  }\n"): (typeof documents)["\n  mutation AddStoreNetwork($storeId: ID!, $expectedVersion: Int!, $input: StoreNetworkInput!) {\n    addStoreNetwork(storeId: $storeId, expectedVersion: $expectedVersion, input: $input) {\n      ...StoreDetail\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateStoreNetwork($storeId: ID!, $networkId: ID!, $expectedVersion: Int!, $input: StoreNetworkInput!) {\n    updateStoreNetwork(storeId: $storeId, networkId: $networkId, expectedVersion: $expectedVersion, input: $input) {\n      ...StoreDetail\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateStoreNetwork($storeId: ID!, $networkId: ID!, $expectedVersion: Int!, $input: StoreNetworkInput!) {\n    updateStoreNetwork(storeId: $storeId, networkId: $networkId, expectedVersion: $expectedVersion, input: $input) {\n      ...StoreDetail\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RemoveStoreNetwork($storeId: ID!, $networkId: ID!, $expectedVersion: Int!) {\n    removeStoreNetwork(storeId: $storeId, networkId: $networkId, expectedVersion: $expectedVersion) {\n      ...StoreDetail\n    }\n  }\n"): (typeof documents)["\n  mutation RemoveStoreNetwork($storeId: ID!, $networkId: ID!, $expectedVersion: Int!) {\n    removeStoreNetwork(storeId: $storeId, networkId: $networkId, expectedVersion: $expectedVersion) {\n      ...StoreDetail\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment StoreNoteFields on StoreNote {\n    id\n    body\n    createdAt\n    author {\n      kind\n      user {\n        id\n        displayName\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment StoreNoteFields on StoreNote {\n    id\n    body\n    createdAt\n    author {\n      kind\n      user {\n        id\n        displayName\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StoreNotes($id: ID!, $first: Int, $after: String) {\n    store(id: $id) {\n      id\n      notes(first: $first, after: $after) {\n        totalCount\n        pageInfo {\n          ...PageInfoFields\n        }\n        edges {\n          node {\n            ...StoreNoteFields\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query StoreNotes($id: ID!, $first: Int, $after: String) {\n    store(id: $id) {\n      id\n      notes(first: $first, after: $after) {\n        totalCount\n        pageInfo {\n          ...PageInfoFields\n        }\n        edges {\n          node {\n            ...StoreNoteFields\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddStoreNote($storeId: ID!, $body: String!) {\n    addStoreNote(storeId: $storeId, body: $body) {\n      ...StoreNoteFields\n    }\n  }\n"): (typeof documents)["\n  mutation AddStoreNote($storeId: ID!, $body: String!) {\n    addStoreNote(storeId: $storeId, body: $body) {\n      ...StoreNoteFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteStoreNote($id: ID!) {\n    deleteStoreNote(id: $id)\n  }\n"): (typeof documents)["\n  mutation DeleteStoreNote($id: ID!) {\n    deleteStoreNote(id: $id)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Store($id: ID!) {\n    store(id: $id) {\n      ...StoreDetail\n    }\n  }\n"): (typeof documents)["\n  query Store($id: ID!) {\n    store(id: $id) {\n      ...StoreDetail\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StoreAudit($id: ID!, $first: Int, $after: String) {\n    store(id: $id) {\n      id\n      auditLog(first: $first, after: $after) {\n        totalCount\n        pageInfo {\n          ...PageInfoFields\n        }\n        edges {\n          node {\n            ...StoreAuditEntryFields\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query StoreAudit($id: ID!, $first: Int, $after: String) {\n    store(id: $id) {\n      id\n      auditLog(first: $first, after: $after) {\n        totalCount\n        pageInfo {\n          ...PageInfoFields\n        }\n        edges {\n          node {\n            ...StoreAuditEntryFields\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateStore($id: ID!, $expectedVersion: Int!, $input: UpdateStoreInput!) {\n    updateStore(id: $id, expectedVersion: $expectedVersion, input: $input) {\n      ...StoreDetail\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateStore($id: ID!, $expectedVersion: Int!, $input: UpdateStoreInput!) {\n    updateStore(id: $id, expectedVersion: $expectedVersion, input: $input) {\n      ...StoreDetail\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TransitionStore($id: ID!, $to: StoreStatus!, $expectedVersion: Int!, $reason: String) {\n    transitionStore(id: $id, to: $to, expectedVersion: $expectedVersion, reason: $reason) {\n      ...StoreDetail\n    }\n  }\n"): (typeof documents)["\n  mutation TransitionStore($id: ID!, $to: StoreStatus!, $expectedVersion: Int!, $reason: String) {\n    transitionStore(id: $id, to: $to, expectedVersion: $expectedVersion, reason: $reason) {\n      ...StoreDetail\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CompleteProvisioningStep($storeId: ID!, $key: String!, $expectedVersion: Int!) {\n    completeProvisioningStep(storeId: $storeId, key: $key, expectedVersion: $expectedVersion) {\n      ...StoreDetail\n    }\n  }\n"): (typeof documents)["\n  mutation CompleteProvisioningStep($storeId: ID!, $key: String!, $expectedVersion: Int!) {\n    completeProvisioningStep(storeId: $storeId, key: $key, expectedVersion: $expectedVersion) {\n      ...StoreDetail\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetStoreTags($id: ID!, $expectedVersion: Int!, $tags: [String!]!) {\n    setStoreTags(id: $id, expectedVersion: $expectedVersion, tags: $tags) {\n      ...StoreDetail\n    }\n  }\n"): (typeof documents)["\n  mutation SetStoreTags($id: ID!, $expectedVersion: Int!, $tags: [String!]!) {\n    setStoreTags(id: $id, expectedVersion: $expectedVersion, tags: $tags) {\n      ...StoreDetail\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StoreChange($changeId: ID!) {\n    storeChange(changeId: $changeId) {\n      ...StoreAuditEntryFields\n      storeId\n      store {\n        id\n        code\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  query StoreChange($changeId: ID!) {\n    storeChange(changeId: $changeId) {\n      ...StoreAuditEntryFields\n      storeId\n      store {\n        id\n        code\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AssetSummary on Asset {\n    id\n    kind\n    serialNumber\n    model\n    vendor\n    status\n    store {\n      id\n    }\n  }\n"): (typeof documents)["\n  fragment AssetSummary on Asset {\n    id\n    kind\n    serialNumber\n    model\n    vendor\n    status\n    store {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StoreHardware($id: ID!) {\n    store(id: $id) {\n      id\n      assets {\n        ...AssetSummary\n        allocations {\n          allocatedAt\n          releasedAt\n        }\n      }\n      hubs {\n        id\n        name\n        status\n        mode\n        lastSeenAt\n      }\n      devices {\n        id\n        label\n        name\n        type\n        room\n        attributes {\n          name\n          value\n        }\n        hub {\n          id\n          name\n          status\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query StoreHardware($id: ID!) {\n    store(id: $id) {\n      id\n      assets {\n        ...AssetSummary\n        allocations {\n          allocatedAt\n          releasedAt\n        }\n      }\n      hubs {\n        id\n        name\n        status\n        mode\n        lastSeenAt\n      }\n      devices {\n        id\n        label\n        name\n        type\n        room\n        attributes {\n          name\n          value\n        }\n        hub {\n          id\n          name\n          status\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AvailableAssets($search: String, $kind: AssetKind, $first: Int) {\n    assets(filter: { status: IN_STOCK, search: $search, kind: $kind }, first: $first) {\n      totalCount\n      edges {\n        node {\n          ...AssetSummary\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query AvailableAssets($search: String, $kind: AssetKind, $first: Int) {\n    assets(filter: { status: IN_STOCK, search: $search, kind: $kind }, first: $first) {\n      totalCount\n      edges {\n        node {\n          ...AssetSummary\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StoreImportTemplate {\n    storeImportTemplate\n  }\n"): (typeof documents)["\n  query StoreImportTemplate {\n    storeImportTemplate\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ImportStores($csv: String!, $apply: Boolean) {\n    importStores(csv: $csv, apply: $apply) {\n      valid\n      rowCount\n      changeId\n      errors {\n        row\n        column\n        code\n        message\n      }\n      created {\n        ...StoreListItem\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ImportStores($csv: String!, $apply: Boolean) {\n    importStores(csv: $csv, apply: $apply) {\n      valid\n      rowCount\n      changeId\n      errors {\n        row\n        column\n        code\n        message\n      }\n      created {\n        ...StoreListItem\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SuggestSubnet($prefixLength: Int) {\n    suggestSubnet(prefixLength: $prefixLength)\n  }\n"): (typeof documents)["\n  query SuggestSubnet($prefixLength: Int) {\n    suggestSubnet(prefixLength: $prefixLength)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateStore($input: CreateStoreInput!) {\n    createStore(input: $input) {\n      ...StoreDetail\n    }\n  }\n"): (typeof documents)["\n  mutation CreateStore($input: CreateStoreInput!) {\n    createStore(input: $input) {\n      ...StoreDetail\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Stores($filter: StoreFilter, $orderBy: StoreOrder, $first: Int, $after: String) {\n    stores(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        ...PageInfoFields\n      }\n      edges {\n        cursor\n        node {\n          ...StoreListItem\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Stores($filter: StoreFilter, $orderBy: StoreOrder, $first: Int, $after: String) {\n    stores(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        ...PageInfoFields\n      }\n      edges {\n        cursor\n        node {\n          ...StoreListItem\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation BulkTransitionStores($ids: [ID!]!, $to: StoreStatus!, $reason: String) {\n    bulkTransitionStores(ids: $ids, to: $to, reason: $reason) {\n      succeeded\n      failed\n      changeId\n      results {\n        id\n        ok\n        store {\n          ...StoreListItem\n          allowedTransitions\n          openedAt\n        }\n        error {\n          code\n          message\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation BulkTransitionStores($ids: [ID!]!, $to: StoreStatus!, $reason: String) {\n    bulkTransitionStores(ids: $ids, to: $to, reason: $reason) {\n      succeeded\n      failed\n      changeId\n      results {\n        id\n        ok\n        store {\n          ...StoreListItem\n          allowedTransitions\n          openedAt\n        }\n        error {\n          code\n          message\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation BulkTagStores($ids: [ID!]!, $add: [String!], $remove: [String!], $reason: String) {\n    bulkTagStores(ids: $ids, add: $add, remove: $remove, reason: $reason) {\n      succeeded\n      failed\n      changeId\n      results {\n        id\n        ok\n        store {\n          ...StoreListItem\n        }\n        error {\n          code\n          message\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation BulkTagStores($ids: [ID!]!, $add: [String!], $remove: [String!], $reason: String) {\n    bulkTagStores(ids: $ids, add: $add, remove: $remove, reason: $reason) {\n      succeeded\n      failed\n      changeId\n      results {\n        id\n        ok\n        store {\n          ...StoreListItem\n        }\n        error {\n          code\n          message\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StoreTags {\n    storeTags {\n      tag\n      count\n    }\n  }\n"): (typeof documents)["\n  query StoreTags {\n    storeTags {\n      tag\n      count\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WebhookCatalogue {\n    webhookEventTypes {\n      type\n      description\n      example\n      adminOnly\n    }\n  }\n"): (typeof documents)["\n  query WebhookCatalogue {\n    webhookEventTypes {\n      type\n      description\n      example\n      adminOnly\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConfirmEmailChange($token: String!) {\n    confirmEmailChange(token: $token)\n  }\n"): (typeof documents)["\n  mutation ConfirmEmailChange($token: String!) {\n    confirmEmailChange(token: $token)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RequestPasswordReset($email: String!) {\n    requestPasswordReset(email: $email)\n  }\n"): (typeof documents)["\n  mutation RequestPasswordReset($email: String!) {\n    requestPasswordReset(email: $email)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query InvitationPreview($token: String!) {\n    invitation(token: $token) {\n      email\n      role\n      expiresAt\n      invitedByName\n    }\n  }\n"): (typeof documents)["\n  query InvitationPreview($token: String!) {\n    invitation(token: $token) {\n      email\n      role\n      expiresAt\n      invitedByName\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AcceptInvitation($input: AcceptInvitationInput!) {\n    acceptInvitation(input: $input) {\n      ...AuthPayloadFields\n    }\n  }\n"): (typeof documents)["\n  mutation AcceptInvitation($input: AcceptInvitationInput!) {\n    acceptInvitation(input: $input) {\n      ...AuthPayloadFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResetPassword($token: String!, $newPassword: String!) {\n    resetPassword(token: $token, newPassword: $newPassword)\n  }\n"): (typeof documents)["\n  mutation ResetPassword($token: String!, $newPassword: String!) {\n    resetPassword(token: $token, newPassword: $newPassword)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PublicStatusPage($slug: String!) {\n    publicStatusPage(slug: $slug) {\n      title\n      description\n      status\n      updatedAt\n      components {\n        displayName\n        status\n        uptime90\n        uptimeDays {\n          date\n          uptime\n        }\n      }\n      incidents {\n        id\n        title\n        status\n        impact\n        createdAt\n        resolvedAt\n        updates {\n          status\n          message\n          createdAt\n        }\n      }\n      maintenance {\n        title\n        startsAt\n        endsAt\n        activeNow\n      }\n    }\n  }\n"): (typeof documents)["\n  query PublicStatusPage($slug: String!) {\n    publicStatusPage(slug: $slug) {\n      title\n      description\n      status\n      updatedAt\n      components {\n        displayName\n        status\n        uptime90\n        uptimeDays {\n          date\n          uptime\n        }\n      }\n      incidents {\n        id\n        title\n        status\n        impact\n        createdAt\n        resolvedAt\n        updates {\n          status\n          message\n          createdAt\n        }\n      }\n      maintenance {\n        title\n        startsAt\n        endsAt\n        activeNow\n      }\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;