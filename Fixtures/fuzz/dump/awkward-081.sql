--
-- Name: m "2025"_at_idx; Type: INDEX; Schema: Sales; Owner: postgres
--

CREATE INDEX "m ""2025""_at_idx" ON "Sales"."m ""2025""" USING btree (at);


