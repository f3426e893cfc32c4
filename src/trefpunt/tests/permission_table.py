"""Expected outcome of every URL for every role: the table of ``test_permission_matrix``.

Roles, in this order: anonymous, other (editor of Kortrijk), editor (of Menen), subunit (editor
of a sub-unit of Menen), participant (of the matrix meeting), curator, crisis (crisis staff).
Outcomes: an HTTP status, ``login`` (302 to the sign-in page), ``admin-login``, ``redirect``.
One outcome stands for every role. API writes are probed with ``{}``: a 422 for every role
means validation answers before access is decided (nothing is written either way).
"""

# Every admin page sends the cast (nobody is staff) to the admin sign-in, except these.
ADMIN = "admin-login"
ADMIN_EXCEPTIONS = {"admin:login": "200", "admin:logout": "redirect"}

PAGES = {
    "accounts:confirm_email": "400",
    "accounts:login": "200",
    "accounts:logout": "405",
    "accounts:password_reset": "200",
    "accounts:password_reset_complete": "200",
    "accounts:password_reset_confirm": "200",
    "accounts:password_reset_done": "200",
    "accounts:revoke": "login 405 405 405 405 405 405",
    "accounts:settings": "login 200 200 200 200 200 200",
    "accounts:tokens": "login 200 200 200 200 200 200",
    "accounts:unsubscribe": "400",
    "ask": "200",
    "assistance:audit": "404",
    "assistance:capabilities": "404 404 404 404 404 404 200",
    "assistance:capability": "404 404 404 404 404 404 200",
    "assistance:contacts": "404 404 404 404 404 404 200",
    "assistance:event": "404 404 404 404 404 404 200",
    "assistance:index": "404 404 404 404 404 404 200",
    "assistance:map": "404 404 404 404 404 404 200",
    "assistance:nearest": "404 404 404 404 404 404 200",
    "assistance:report": "404 404 404 404 404 404 200",
    "assistance:report_pdf": "404 404 404 404 404 404 200",
    "assistance:request": "404",
    "atlas": "200",
    "atlas-outlines": "200",
    "catalog_jsonld": "200",
    "catalog_ttl": "200",
    "favicon": "200",
    "home": "200",
    "legal:act": "200",
    "legal:list": "200",
    "media": "404",
    "meetings:action_update": "login 405 405 405 405 405 405",
    "meetings:actions": "login 403 200 403 403 200 403",
    "meetings:agenda": "login 403 200 403 403 200 403",
    "meetings:agenda_item": "login 403 200 403 403 200 403",
    "meetings:agenda_item_move": "login 405 405 405 405 405 405",
    "meetings:agenda_item_remove": "login 405 405 405 405 405 405",
    "meetings:calendar": "200",
    "meetings:cancel": "login 405 405 405 405 405 405",
    "meetings:create": "login 200 200 200 403 200 403",
    "meetings:decisions": "login 403 200 403 403 200 403",
    "meetings:edit": "login 403 200 403 403 200 403",
    "meetings:export": "200",
    "meetings:followup": "200",
    "meetings:followup_export": "200",
    "meetings:list": "200",
    "meetings:meeting": "200",
    "meetings:minutes": "login 403 200 403 403 200 403",
    "meetings:minutes_approve": "login 405 405 405 405 405 405",
    "meetings:participant_status": "login 405 405 405 405 405 405",
    "meetings:participants": "login 403 200 403 403 200 403",
    "meetings:register": "404",
    "meetings:schedule_next": "login 403 200 403 403 200 403",
    "meetings:series": "200",
    "meetings:translate": "login 403 200 403 403 200 403",
    "news:archive": "200",
    "news:archive_article": "login 405 405 405 405 405 405",
    "news:article": "200",
    "news:create": "login 200 200 200 403 200 403",
    "news:edit": "login 403 403 403 403 200 403",
    "news:export": "200",
    "news:feed": "200",
    "news:list": "200",
    "news:publish": "login 405 405 405 405 405 405",
    "news:translate": "login 403 403 403 403 200 403",
    "obstacles:annual_report": "200",
    "obstacles:csv": "200",
    "obstacles:dashboard": "200",
    "obstacles:edit": "login 403 200 403 403 200 403",
    "obstacles:escalate": "login 405 405 405 405 405 405",
    "obstacles:feed": "200",
    "obstacles:json": "200",
    "obstacles:list": "200",
    "obstacles:obstacle": "200",
    "obstacles:provision": "login 405 405 405 405 405 405",
    "obstacles:report": "login 200 200 200 403 200 403",
    "obstacles:report_public": "200",
    "obstacles:report_public_done": "200",
    "obstacles:signal": "login 405 405 405 405 405 405",
    "obstacles:transition": "login 405 405 405 405 405 405",
    "open_data": "200",
    "organisations:competence_add": "login 403 200 403 403 200 403",
    "organisations:competence_archive": "login 405 405 405 405 405 405",
    "organisations:edit": "login 403 200 403 403 200 403",
    "organisations:invitation": "400",
    "organisations:invitation_withdraw": "login 405 405 405 405 405 405",
    "organisations:invite": "login 403 403 403 403 403 403",
    "organisations:list": "200",
    "organisations:organisation": "200",
    "organisations:people": "200",
    "organisations:people_suggest": "200",
    "organisations:posts_suggest": "200",
    "organisations:person": "200",
    "organisations:post_contact": "login 403 200 403 403 200 403",
    "organisations:relations": "200",
    "organisations:relations_export": "200",
    "organisations:suggest": "200",
    "places:boundary": "404",
    "places:export": "200",
    "places:list": "200",
    "places:suggest": "200",
    "places:territory": "404",
    "popolo": "200",
    "practices:attachment": "404",
    "practices:collection": "200",
    "practices:collection_create": "login 200 200 200 403 200 403",
    "practices:collection_edit": "login 403 403 403 403 200 403",
    "practices:collection_pdf": "200",
    "practices:collection_step": "login 405 405 405 405 405 405",
    "practices:collection_translate": "login 403 403 403 403 200 403",
    "practices:collections": "200",
    "practices:create": "login 200 200 200 403 200 403",
    "practices:edit": "login 404 404 404 404 404 404",
    "practices:export": "200",
    "practices:list": "200",
    "practices:practice": "404",
    "practices:suggest": "200",
    "practices:translate": "login 404 404 404 404 404 404",
    "practices:versions": "404",
    "programme:annual_plan": "200",
    "programme:annual_report": "200",
    "programme:index": "200",
    "programme:plan": "200",
    "programme:presidencies": "200",
    "programme:project": "200",
    "programme:version": "200",
    "programme:version_diff": "404",
    "robots_txt": "200",
    "search": "200",
    "set_language": "redirect",
    "sitemap": "200",
    "sitemap_section": "200",
    "subscriptions:change": "login 405 405 405 405 405 405",
    "subscriptions:mine": "login 200 200 200 200 200 200",
    "subscriptions:remove": "login 405 405 405 405 405 405",
    "subscriptions:subscribe": "login 405 405 405 405 405 405",
    "subscriptions:unsubscribe": "400",
}

# The method comes from the ninja operation; writes are probed with an empty JSON object.
API = {
    "api:action_create": "401 422 422 422 422 422 422",  # POST
    "api:action_list": "200",  # GET
    "api:action_update": "401 422 422 422 422 422 422",  # PATCH
    "api:add_comment": "401 422 422 422 422 422 422",  # POST
    "api:add_competence": "401 422 422 422 422 422 422",  # POST
    "api:add_item": "401 422 422 422 422 422 422",  # POST
    "api:agenda_item_create": "401 422 422 422 422 422 422",  # POST
    "api:api-root": "404",  # GET
    "api:approve": "401 422 422 422 422 422 422",  # POST
    "api:archive_competence": "401 403 403 403 403 204 403",  # DELETE
    "api:ask": "422",  # GET
    "api:atlas_geojson": "200",  # GET
    "api:audit": "404",  # GET
    "api:capabilities": "404 404 404 404 404 404 200",  # GET
    "api:capability": "404 404 404 404 404 404 200",  # GET
    "api:collection_step": "401 422 422 422 422 422 422",  # POST
    "api:comparable_territories": "404",  # GET
    "api:contacts": "404 404 404 404 404 404 200",  # GET
    "api:create_collection": "401 422 422 422 422 422 422",  # POST
    "api:create_deliverable": "401 422 422 422 422 422 422",  # POST
    "api:create_news_article": "401 422 422 422 422 422 422",  # POST
    "api:create_organisation": "401 422 422 422 422 422 422",  # POST
    "api:create_post": "401 422 422 422 422 422 422",  # POST
    "api:create_practice": "401 422 422 422 422 422 422",  # POST
    "api:create_presidency": "401 422 422 422 422 422 422",  # POST
    "api:create_relation": "401 422 422 422 422 422 422",  # POST
    "api:decision_create": "401 422 422 422 422 422 422",  # POST
    "api:edit_version": "401 422 422 422 422 422 422",  # PATCH
    "api:event": "404 404 404 404 404 404 200",  # GET
    "api:events": "404 404 404 404 404 404 200",  # GET
    "api:get_collection": "200",  # GET
    "api:get_legal_act": "200",  # GET
    "api:get_news_article": "200",  # GET
    "api:get_organisation": "200",  # GET
    "api:get_person": "200",  # GET
    "api:get_practice": "404",  # GET
    "api:get_presidency": "200",  # GET
    "api:get_project": "200",  # GET
    "api:get_relation": "200",  # GET
    "api:get_territory": "404",  # GET
    "api:get_version": "200",  # GET
    "api:kinds": "404 404 404 404 404 404 200",  # GET
    "api:list_acts": "200",  # GET
    "api:list_approvals": "200",  # GET
    "api:list_collections": "200",  # GET
    "api:list_comments": "200",  # GET
    "api:list_deliverables": "200",  # GET
    "api:list_news": "200",  # GET
    "api:list_organisations": "200",  # GET
    "api:list_people": "200",  # GET
    "api:list_plans": "200",  # GET
    "api:list_practices": "200",  # GET
    "api:list_presidencies": "200",  # GET
    "api:list_projects": "200",  # GET
    "api:list_relations": "200",  # GET
    "api:list_territories": "200",  # GET
    "api:list_versions": "200",  # GET
    "api:make_offer": "404 404 404 404 404 404 422",  # POST
    "api:meeting_create": "401 422 422 422 422 422 422",  # POST
    "api:meeting_detail": "200",  # GET
    "api:meeting_ics": "200",  # GET
    "api:meeting_list": "200",  # GET
    "api:meeting_translation_save": "401 422 422 422 422 422 422",  # PUT
    "api:meeting_update": "401 422 422 422 422 422 422",  # PATCH
    "api:minutes_approve": "401 404 404 404 404 404 404",  # POST
    "api:minutes_save": "401 422 422 422 422 422 422",  # PUT
    "api:move_offer": "404 404 404 404 404 404 422",  # POST
    "api:nearest": "404 404 404 404 404 404 422",  # GET
    "api:obstacle_create": "401 422 422 422 422 422 422",  # POST
    "api:obstacle_detail": "200",  # GET
    "api:obstacle_escalate": "401 422 422 422 422 422 422",  # POST
    "api:obstacle_events": "200",  # GET
    "api:obstacle_list": "200",  # GET
    "api:obstacle_provision": "401 422 422 422 422 422 422",  # POST
    "api:obstacle_signal": "401 422 422 422 422 422 422",  # POST
    "api:obstacle_update": "401 403 200 403 403 200 403",  # PATCH
    "api:offer_status": "404",  # GET
    "api:offers": "404",  # GET
    "api:one_request": "404",  # GET
    "api:open_consultation": "401 422 422 422 422 422 422",  # POST
    "api:open_request": "404 404 404 404 404 404 422",  # POST
    "api:openapi-json": "200",  # GET
    "api:openapi-view": "200",  # GET
    "api:order_items": "401 422 422 422 422 422 422",  # PUT
    "api:organisation_ics": "200",  # GET
    "api:participant_create": "401 403 422 403 403 422 403",  # POST
    "api:participant_update": "401 422 422 422 422 422 422",  # PATCH
    "api:record_capability": "404 404 404 404 404 404 422",  # POST
    "api:remove_item": "401 404 404 404 404 404 404",  # DELETE
    "api:report": "404 404 404 404 404 404 200",  # GET
    "api:requests": "404 404 404 404 404 404 200",  # GET
    "api:save_news_translation": "401 422 422 422 422 422 422",  # PUT
    "api:search": "422",  # GET
    "api:series_ics": "200",  # GET
    "api:set_work_contact": "401 422 422 422 422 422 422",  # PUT
    "api:subscription_create": "401 422 422 422 422 422 422",  # POST
    "api:subscription_delete": "401 404 404 404 404 404 404",  # DELETE
    "api:subscription_list": "401 200 200 200 200 200 200",  # GET
    "api:translate_collection": "401 422 422 422 422 422 422",  # PUT
    "api:update_collection": "401 422 422 422 422 422 422",  # PATCH
    "api:update_deliverable": "401 422 422 422 422 422 422",  # PATCH
    "api:update_news_article": "401 422 422 422 422 422 422",  # PATCH
    "api:update_organisation": "401 422 422 422 422 422 422",  # PATCH
    "api:update_practice": "401 422 422 422 422 422 422",  # PATCH
    "api:update_presidency": "401 403 403 403 403 200 403",  # PATCH
    "api:update_relation": "401 403 403 403 403 200 403",  # PATCH
    "api:write_version": "401 422 422 422 422 422 422",  # POST
}
