--
-- Name: m2024_at_idx; Type: INDEX; Schema: public; Owner: postgres
--

CREATE INDEX m2024_at_idx ON public.m2024 USING btree (at);


